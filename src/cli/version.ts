import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Read at run time so the version has one source: package.json (also inside app.asar). */
export function packageVersion(): string {
  const file = path.join(__dirname, '..', '..', '..', 'package.json');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : 'unknown';
}
