import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { EnrolledKey, EnrolledKeys } from './enrolled-keys';
import { readLogTextByChain } from './chain-read';
import { KioskSignatures } from './signature-read';
import { combineSealing, type KioskLogRead, type KioskLogSource } from './log-source';

export class LogsFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogsFolderError';
  }
}

const LOG_FILE = /^(.+)\.(log|jsonl)$/;
const SET_ASIDE = /^audit\.log\.replaced-[0-9TZ-]+$/;

/** A file or folder name as it may safely appear in a one-line message. */
const shown = (name: string) => JSON.stringify(name);

async function statOrFail(file: string, name: string) {
  try {
    return await stat(file);
  } catch (error) {
    throw new LogsFolderError(`cannot read ${shown(name)} in the logs folder: ${(error as Error).message.split(',')[0]}`);
  }
}

async function readOrFail(file: string, name: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new LogsFolderError(`cannot read ${shown(name)} in the logs folder: ${(error as Error).message.split(',')[0]}`);
  }
}

/**
 * A department's folder of forwarded logs: every `*.log` / `*.jsonl` file (as a syslog receiver
 * writes one per host, the message only) or every sub-folder holding an `audit.log` (a copied state
 * root, with any logs set aside beside it) is one kiosk, named after the file or folder. The audit
 * keys stay on the kiosks, so these are verified by the chain. Any entry that cannot be read is bad
 * input: a report that silently left a kiosk out would mislead.
 */
export async function fleetLogSources(folder: string, keys?: EnrolledKeys): Promise<KioskLogSource[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    throw new LogsFolderError(`cannot read the logs folder ${shown(folder)}: ${(error as Error).message.split(',')[0]}`);
  }
  const sources = new Map<string, KioskLogSource>();
  const add = (kioskId: string, name: string, files: string[]) => {
    const other = sources.get(kioskId);
    if (other) throw new LogsFolderError(`two logs in the logs folder are both named for kiosk ${shown(kioskId)} (one of them is ${shown(name)})`);
    sources.set(kioskId, { kioskId, read: () => readFiles(files, name, keys && { keys: keys.get(kioskId) ?? [], enrolled: keys.has(kioskId) }) });
  };
  for (const name of names.sort()) {
    const full = path.join(folder, name);
    const match = LOG_FILE.exec(name);
    const info = await statOrFail(full, name);
    if (info.isDirectory()) {
      const inner = await readdir(full).catch((error: unknown) => {
        throw new LogsFolderError(`cannot read the folder ${shown(name)} in the logs folder: ${(error as Error).message.split(',')[0]}`);
      });
      if (!inner.includes('audit.log')) continue;
      const logs = [...inner.filter((n) => SET_ASIDE.test(n)).sort(), 'audit.log'].map((n) => path.join(full, n));
      add(name, name, logs);
    } else if (match && info.isFile()) {
      add(match[1]!, name, [full]);
    }
  }
  if (sources.size === 0) throw new LogsFolderError(`the logs folder ${shown(folder)} holds no *.log or *.jsonl file and no folder with an audit.log`);
  return [...sources.values()];
}

async function readFiles(files: string[], entry: string, keys?: { keys: EnrolledKey[]; enrolled: boolean }): Promise<KioskLogRead> {
  const read: KioskLogRead = { method: 'chain', sealing: 'empty', problems: [], notes: [], records: [] };
  const signatures = keys && new KioskSignatures(keys.keys);
  const sealings: string[] = [];
  for (const file of files) {
    const label = files.length === 1 ? entry : `${entry}/${path.basename(file)}`;
    const one = readLogTextByChain(await readOrFail(file, label), label, signatures);
    sealings.push(one.sealing);
    read.problems.push(...one.problems);
    read.notes.push(...one.notes);
    read.records.push(...one.records);
  }
  read.sealing = combineSealing(sealings);
  if (signatures && keys) read.signature = signatures.finish(read, keys.enrolled);
  return read;
}
