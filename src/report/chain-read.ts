import { GENESIS } from '../audit/chain';
import { scanAuditText } from '../audit/verify-log';
import { combineSealing, sourcedProblems, trustedRecords, type KioskLogRead } from './log-source';
import { fedRecords, replacementNote, type KioskSignatures } from './signature-read';

const NEW_CHAIN = `{"v":1,"seq":1,"prev":"${GENESIS}"`;

/** trim() only where there is something to trim: most lines have nothing (a fleet has millions). */
const trimmed = (line: string) => (line.length > 0 && (line.charCodeAt(0) <= 32 || line.charCodeAt(line.length - 1) <= 32) ? line.trim() : line);

/**
 * A log as text without the audit key: chain links and sequence continuity (audit/verify-log.ts in
 * 'chain' mode). A forwarded copy (one file per host, the message only) may hold several logs one
 * after another when the kiosk started a new one: each starts again at record 1 from the genesis
 * seal, is checked on its own, and the restart is noted for the reader.
 */
export function readLogTextByChain(text: string, file: string, signatures?: KioskSignatures): KioskLogRead {
  // Syslog receivers may keep a leading space or a CR: the sealed text is what is between them.
  const lines = withoutResends(text.split('\n').map(trimmed));
  // A file that does not end in a newline was cut off in the middle of its last line.
  const torn = lines.at(-1) !== '';
  if (!torn) lines.pop();
  const read: KioskLogRead = { method: 'chain', sealing: 'empty', problems: [], notes: [], records: [] };
  const sealings: string[] = [];
  let start = 0;
  for (let index = 1; index <= lines.length; index += 1) {
    if (index < lines.length && !lines[index]!.startsWith(NEW_CHAIN)) continue;
    const segment = lines.slice(start, index);
    const body = `${segment.join('\n')}${index === lines.length && torn ? '' : '\n'}`;
    const scan = scanAuditText(body, null, 'chain');
    const shift = (line: number) => (line > 0 ? line + start : 0);
    const problems = scan.problems.map((p) => ({ ...p, line: shift(p.line) }));
    read.problems.push(...sourcedProblems(problems, file));
    read.notes.push(...scan.notes.map((note) => `${file}: ${note}`));
    for (const record of scan.records) record.line = shift(record.line);
    const fed = fedRecords(scan, shift, signatures ? undefined : 1);
    const replaced = replacementNote(file, fed);
    if (replaced) read.notes.push(replaced);
    signatures?.segment(file, fed);
    read.records.push(...trustedRecords(scan.records, file));
    sealings.push(scan.lines.length === 0 ? 'empty' : scan.keyedSeen === 0 ? 'unkeyed' : scan.keyedSeen === scan.lines.length ? 'keyed' : 'mixed');
    if (start > 0) read.notes.push(`${file}: a new log starts at line ${start + 1} (audit start-new-log on the kiosk, or records before it are missing)`);
    start = index;
  }
  read.sealing = combineSealing(sealings);
  return read;
}

/**
 * A RELP sender resends what the collector did not acknowledge: a line identical to one before it
 * (same seq, same seal, same record) is that resend and says nothing new. Only exact copies go.
 */
function withoutResends(lines: string[]): string[] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    if (line === '') return true;
    if (seen.has(line)) return false;
    seen.add(line);
    return true;
  });
}
