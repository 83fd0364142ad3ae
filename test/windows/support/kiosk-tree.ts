import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { toWindowsPath, waitForFile, type WinePrefix } from './wine';

export const KIOSK = 'C:\\ProgramData\\public-kiosk';
export const SESSION_DATA = `${KIOSK}\\session-data`;
export const DOWNLOADS = `${KIOSK}\\downloads`;
export const STATE = `${KIOSK}\\state`;
export const MACHINE_POLICY = `${KIOSK}\\policy.yaml`;

export interface PlantedFile {
  path: string;
  content: string;
  readOnly?: boolean;
}

const fixture = (name: string) => toWindowsPath(path.join(__dirname, '..', 'fixtures', name));

/** Writes the machine policy (C:\ProgramData\public-kiosk\policy.yaml) and creates the three roots. */
export function installKiosk(win: WinePrefix, policyYaml = 'version: 1\n'): void {
  for (const dir of [SESSION_DATA, DOWNLOADS, STATE]) mkdirSync(win.host(dir), { recursive: true });
  writeFileSync(win.host(MACHINE_POLICY), policyYaml);
}

/** A citizen session's partition, as Chromium lays it out on Windows (Network\ with the network sandbox). */
export function partitionFiles(root: string, id: string): PlantedFile[] {
  const p = `${root}\\Partitions\\${id}`;
  // IndexedDB origin folders nest deep; this pushes the full path well past MAX_PATH (260).
  const deep = `${p}\\IndexedDB\\https_dichvucong.gov.vn_0.indexeddb.leveldb\\${'thư mục lồng nhau rất dài '.repeat(3)}\\${'ngăn'.repeat(20)}\\${'x'.repeat(60)}`;
  return [
    { path: `${p}\\Network\\Cookies`, content: `cookie ${id}` },
    { path: `${p}\\Network\\Network Persistent State`, content: '{}' },
    { path: `${p}\\Network\\TransportSecurity`, content: '{}' },
    { path: `${p}\\Local Storage\\leveldb\\000003.log`, content: `hồ sơ của ${id}` },
    { path: `${p}\\Session Storage\\000003.log`, content: 'session' },
    { path: `${p}\\Cache\\Cache_Data\\f_000001`, content: 'c'.repeat(2048) },
    { path: `${p}\\Cache\\Cache_Data\\index`, content: 'index', readOnly: true },
    { path: `${p}\\Code Cache\\js\\index-dir\\the-real-index`, content: 'js' },
    { path: `${p}\\Service Worker\\Database\\MANIFEST-000001`, content: 'sw' },
    { path: `${deep}\\000005.ldb`, content: `deep ${id}` },
    { path: `${deep}\\Tệp chỉ đọc.ldb`, content: 'read-only', readOnly: true },
  ];
}

/** The whole session-data root: the default profile, two citizen partitions, crash dumps. */
export function sessionDataFiles(root: string): PlantedFile[] {
  return [
    { path: `${root}\\Local State`, content: '{}' },
    { path: `${root}\\Default\\Preferences`, content: '{}', readOnly: true },
    { path: `${root}\\Default\\GPUCache\\data_0`, content: 'gpu' },
    { path: `${root}\\Crashpad\\reports\\b1f2.dmp`, content: 'dump' },
    ...partitionFiles(root, 'citizen-a'),
    ...partitionFiles(root, 'citizen-b'),
  ];
}

/** Writes `files` from a Windows process, so names, long paths and attributes are made the Windows way. */
export async function plantFromWindows(win: WinePrefix, files: PlantedFile[]): Promise<{ path: string; length: number; readOnly: boolean }[]> {
  const spec = win.host(`C:\\plant-${Date.now()}.json`);
  const done = `${spec}.done`;
  writeFileSync(spec, JSON.stringify({ files, done: `C:\\${path.basename(done)}` }));
  const r = await win.run([fixture('plant-tree.mjs'), `C:\\${path.basename(spec)}`]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const seen = JSON.parse(readFileSync(done, 'utf8')) as { path: string; length: number; readOnly: boolean }[];
  for (const file of files) expect(existsSync(win.host(file.path)), file.path).toBe(true);
  return seen;
}

/** Starts a Windows process holding `file` with share mode 0; resolves once it holds it. */
export async function holdFile(win: WinePrefix, file: string): Promise<{ release(): Promise<void> }> {
  const tag = `${Date.now()}-${Math.random().toString(16).slice(2)}`;
  const ready = `C:\\hold-${tag}.ready`;
  const release = `C:\\hold-${tag}.release`;
  const holder = win.start([fixture('hold-file.mjs'), file, ready, release]);
  let exited: string | null = null;
  void holder.exited.then((r) => (exited = `the holder exited with ${r.code}: ${r.stderr}`));
  await waitForFile(win.host(ready), 60_000, () => exited);
  return {
    async release() {
      writeFileSync(win.host(release), '');
      const r = await holder.exited;
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    },
  };
}

/** Every file below `dir` (Linux path), relative. */
export function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}
