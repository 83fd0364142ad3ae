import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readLogFileByChain } from './chain-read';
import type { EnrolledKeys } from './enrolled-keys';
import { combineSealing, type KioskKeys, type KioskLogSource, type KioskLogVerdict, type RecordSink } from './log-source';
import { KioskSignatures } from './signature-read';

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
const firstPart = (error: unknown) => (error as Error).message.split(',')[0];

async function statOrFail(file: string, name: string) {
  try {
    return await stat(file);
  } catch (error) {
    throw new LogsFolderError(`cannot read ${shown(name)} in the logs folder: ${firstPart(error)}`);
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
    throw new LogsFolderError(`cannot read the logs folder ${shown(folder)}: ${firstPart(error)}`);
  }
  const sources = new Map<string, KioskLogSource>();
  const add = (kioskId: string, entry: string, paths: string[]) => {
    if (sources.has(kioskId)) throw new LogsFolderError(`two logs in the logs folder are both named for kiosk ${shown(kioskId)} (one of them is ${shown(entry)})`);
    sources.set(kioskId, forwardedLogSource(kioskId, entry, paths, keys && { keys: keys.get(kioskId) ?? [], enrolled: keys.has(kioskId) }));
  };
  for (const name of names.sort()) {
    const full = path.join(folder, name);
    const match = LOG_FILE.exec(name);
    const info = await statOrFail(full, name);
    if (info.isDirectory()) {
      const inner = await readdir(full).catch((error: unknown) => {
        throw new LogsFolderError(`cannot read the folder ${shown(name)} in the logs folder: ${firstPart(error)}`);
      });
      if (!inner.includes('audit.log')) continue;
      add(name, name, [...inner.filter((n) => SET_ASIDE.test(n)).sort(), 'audit.log'].map((n) => path.join(full, n)));
    } else if (match && info.isFile()) {
      add(match[1]!, name, [full]);
    }
  }
  if (sources.size === 0) throw new LogsFolderError(`the logs folder ${shown(folder)} holds no *.log or *.jsonl file and no folder with an audit.log`);
  return [...sources.values()];
}

/** One kiosk's forwarded files (its set-aside logs first), each streamed and checked by chain. */
export function forwardedLogSource(kioskId: string, entry: string, paths: string[], keys?: KioskKeys): KioskLogSource {
  return { kioskId, files: { entry, paths, ...(keys ? { keys } : {}) }, read: (onRecord) => readFiles(paths, entry, onRecord, keys) };
}

async function readFiles(files: string[], entry: string, onRecord: RecordSink, keys?: KioskKeys): Promise<KioskLogVerdict> {
  const verdict: KioskLogVerdict = { method: 'chain', sealing: 'empty', problems: [], notes: [] };
  const signatures = keys && new KioskSignatures(keys.keys);
  const sealings: string[] = [];
  for (const file of files) {
    const label = files.length === 1 ? entry : `${entry}/${path.basename(file)}`;
    const one = await readLogFileByChain(file, label, onRecord, signatures).catch((error: unknown) => {
      throw new LogsFolderError(`cannot read ${shown(label)} in the logs folder: ${firstPart(error)}`);
    });
    sealings.push(one.sealing);
    verdict.problems.push(...one.problems);
    verdict.notes.push(...one.notes);
  }
  verdict.sealing = combineSealing(sealings);
  if (signatures && keys) verdict.signature = signatures.finish(verdict, keys.enrolled);
  return verdict;
}
