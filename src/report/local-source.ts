import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { inspectAuditFiles } from '../audit/verify-log';
import type { CredentialStore } from '../secrets/credential-store';
import { errorCode } from '../state/atomic-file';
import { stateFiles } from '../state/state-files';
import { readLogFileByChain } from './chain-read';
import { replacementNote } from './signature-read';
import { combineSealing, sourcedProblems, trusted, type KioskLogSource, type KioskLogVerdict } from './log-source';

const SET_ASIDE = /^audit\.log(\.replaced-[0-9TZ-]+)$/;

/**
 * The logs of one state root: the ones set aside by `audit start-new-log` (oldest first: their names
 * carry the moment they were replaced) and the current one, each with its own head. Fully verified
 * where the audit key can be read or the log is unkeyed; by the chain otherwise, saying so.
 */
export function stateRootLogSource(kioskId: string, stateRoot: string, store: CredentialStore | null): KioskLogSource {
  return {
    kioskId,
    async read(onRecord) {
      const files = stateFiles(stateRoot);
      const names = await readdir(stateRoot).catch((error: unknown) => (errorCode(error) === 'ENOENT' ? [] : Promise.reject(error)));
      const logs = names
        .map((name) => SET_ASIDE.exec(name))
        .filter((match): match is RegExpExecArray => match !== null)
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map((match) => ({ log: path.join(stateRoot, match[0]), head: path.join(stateRoot, `audit.head${match[1]}`), current: false }));
      logs.push({ log: files.auditLog, head: files.auditHead, current: true });
      const read: KioskLogVerdict = { method: 'full', sealing: 'empty', problems: [], notes: [] };
      const sealings: string[] = [];
      for (const log of logs) {
        const name = path.basename(log.log);
        const result = await inspectAuditFiles(log, store);
        sealings.push(result.sealing);
        if (result.keyState !== 'keyed' && (result.sealing === 'keyed' || result.sealing === 'mixed')) {
          // The key cannot be read here (another account, a locked keyring): say so, check what can be.
          const byChain = await readLogFileByChain(log.log, name, onRecord);
          read.method = 'chain';
          read.notes.push(`${name}: the audit key cannot be read (${result.keyState}); run the report as the kiosk's account for full verification`, ...byChain.notes);
          read.problems.push(...byChain.problems);
          continue;
        }
        read.problems.push(...sourcedProblems(result.problems, name));
        read.notes.push(...result.notes.map((note) => `${name}: ${note}`));
        for (const record of result.scanned) if (trusted(record)) onRecord(Object.assign(record, { file: name }));
        const first = result.scanned[0];
        const replaced = first ? replacementNote(name, [{ line: first.line, seq: first.seq, seal: '', rec: first.rec }]) : null;
        if (replaced) read.notes.push(replaced);
      }
      read.sealing = combineSealing(sealings);
      return read;
    },
  };
}
