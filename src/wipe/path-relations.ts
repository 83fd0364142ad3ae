import path from 'node:path';

/** Windows and macOS file systems are case-insensitive by default: compare paths accordingly. */
function comparable(p: string): string {
  const resolved = path.resolve(p);
  return process.platform === 'win32' || process.platform === 'darwin' ? resolved.toLowerCase() : resolved;
}

export function samePath(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}

/** True when `inner` is `outer` or lies below it. */
export function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(comparable(outer), comparable(inner));
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
