import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** True when node_modules/electron already holds its binary; never triggers the download. */
export function electronBinaryAvailable() {
  const dir = path.resolve('node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  return existsSync(path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}
