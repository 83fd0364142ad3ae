// `npm run test:electron`: the Playwright Electron suite in test/e2e-electron/. It needs the real
// Electron binary; where there is none this says so in one line and exits 0 rather than fail.
import { spawnSync } from 'node:child_process';
import { electronBinaryAvailable } from './electron-binary.mjs';

if (!electronBinaryAvailable() && !process.env.PUBLIC_KIOSK_DOWNLOAD_ELECTRON) {
  console.log('test:electron: not run: no Electron binary (set PUBLIC_KIOSK_DOWNLOAD_ELECTRON=1 where it can be downloaded).');
  process.exit(0);
}
const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--root', 'test/e2e-electron'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
