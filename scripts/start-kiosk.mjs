// `npm start` / `npm run dev`: the built kiosk in Electron with the bundled default policy, its data
// roots moved to a development folder (scripts/dev-policy.yaml). `--dev` (npm run dev) also allows
// devtools and lets the window be closed. The Electron binary is downloaded on first use where the
// network allows it (electron/cli.js does that); here it says so instead of failing silently.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryAvailable } from './electron-binary.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const data = process.env.PUBLIC_KIOSK_DEV_DATA || path.join(os.tmpdir(), `public-kiosk-dev-${os.userInfo().username}`);
for (const root of ['session-data', 'downloads', 'state']) mkdirSync(path.join(data, root), { recursive: true, mode: 0o700 });

if (!electronBinaryAvailable()) {
  console.log('start-kiosk: no Electron binary in node_modules/electron yet; electron/cli.js will try to download it (needs internet).');
}
console.log(`start-kiosk: data roots under ${data}`);
const args = [path.join(repo, 'node_modules', 'electron', 'cli.js'), repo, '--policy', path.join(repo, 'scripts', 'dev-policy.yaml'), ...process.argv.slice(2)];
const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, PUBLIC_KIOSK_DEV_DATA: data } });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
