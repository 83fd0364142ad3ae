// tsc compiles only TypeScript; the kiosk UI's HTML, CSS, images and fonts are copied beside it.
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const from = path.resolve('renderer');
const to = path.resolve('dist', 'ui', 'renderer');
mkdirSync(to, { recursive: true });
const assetExt = new Set(['.html', '.css', '.svg', '.png', '.woff2', '.ico']);

function copy(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) copy(file);
    else if (assetExt.has(path.extname(name))) {
      const target = path.join(to, path.relative(from, file));
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(file, target);
    }
  }
}
copy(from);
