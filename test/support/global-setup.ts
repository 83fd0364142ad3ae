import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

// CLI tests run the built CLI as a real process, so the build must exist. `npm test` and
// `npm run check` build first; a bare `npx vitest` still gets a clear message instead of ENOENT noise.
export default function setup(): void {
  const root = path.resolve(__dirname, '..', '..');
  const cli = path.join(root, 'dist', 'src', 'cli', 'index.js');
  if (!existsSync(cli)) {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  }
}
