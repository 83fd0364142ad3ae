import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Helpers for Linux probes that read under an injectable root ("/" on a real kiosk, a temp dir in tests). */
export function underRoot(root: string, absolute: string): string {
  return path.join(root, absolute);
}

export async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

export async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null)) !== null;
}

/** Existence of `pattern`, whose last component may end in "*". */
export async function existsGlob(pattern: string): Promise<boolean> {
  const base = path.basename(pattern);
  if (!base.endsWith('*')) return exists(pattern);
  const prefix = base.slice(0, -1);
  const names = await readdir(path.dirname(pattern)).catch(() => [] as string[]);
  return names.some((name) => name.startsWith(prefix));
}

/** Newest modification time of the files in `dir` whose names pass `accept`, or null when none. */
export async function newestMtime(dir: string, accept: (name: string) => boolean): Promise<Date | null> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let newest: Date | null = null;
  for (const name of names.filter(accept)) {
    const info = await stat(path.join(dir, name)).catch(() => null);
    if (info?.isFile() && (!newest || info.mtime > newest)) newest = info.mtime;
  }
  return newest;
}

/** key=value lines of /etc/os-release, quotes removed. */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) out[match[1]!] = match[2]!.replace(/^["']|["']$/g, '');
  }
  return out;
}
