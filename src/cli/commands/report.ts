import { availableParallelism, hostname } from 'node:os';
import path from 'node:path';
import { KeysFileError, readEnrolledKeys, type EnrolledKeys } from '../../report/enrolled-keys';
import { buildReport, reportPasses } from '../../report/build-report';
import { reportToCsv } from '../../report/csv';
import { fleetLogSources, LogsFolderError } from '../../report/fleet-source';
import { reportToHtml } from '../../report/html/page';
import { stateRootLogSource } from '../../report/local-source';
import type { KioskLogSource } from '../../report/log-source';
import { PeriodError, reportPeriod } from '../../report/period';
import type { Report } from '../../report/types';
import { writeFileAtomic } from '../../state/atomic-file';
import { stringOption, type Command, type OptionValues } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { policyOption, policyOptionHelp } from '../shared-options';
import { wipeContextForCli } from '../wipe-context';

const formats = ['html', 'json', 'csv'] as const;
const languages = ['vi', 'en'] as const;

export const reportCommand: Command = {
  words: ['report'],
  summary: 'Evidence report: for each scheduled shift end of a period and each kiosk, was it wiped on time, late, or not (HTML, JSON or CSV).',
  usage: 'report --from DATE --to DATE [--format html|json|csv] [--out FILE] [--logs DIR [--keys keys.yaml] [--jobs N]] [--lang vi|en]',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    logs: { type: 'string' },
    keys: { type: 'string' },
    lang: { type: 'string' },
    jobs: { type: 'string' },
    state: { type: 'string' },
    ...policyOption,
  },
  optionHelp: {
    from: 'First calendar day of the period (YYYY-MM-DD, in the policy time zone), included.',
    to: 'Last calendar day of the period, included. At most 366 days.',
    format: "'html' (default: one printable page), 'json' or 'csv' (one row per kiosk and shift end).",
    out: 'Write the report to FILE instead of standard output.',
    logs: "A folder of forwarded kiosk logs: each *.log / *.jsonl file (one per host, as rsyslog writes them) or each sub-folder holding an audit.log is one kiosk, named after it. Default: this kiosk's own audit log.",
    jobs: 'With --logs: how many kiosks are read at once, each on its own worker thread (default: one per processor core; 1 reads them one after another here).',
    keys: "With --logs: the department's keys.yaml (kiosk name → enrolled Ed25519 public key(s)). Each log then verifies only when its signatures check against a key enrolled for its kiosk. Without it, logs are verified by chain only.",
    lang: "Language of the HTML report: 'vi' (default) or 'en'.",
    state: "State root holding this kiosk's audit log; overrides the policy.",
    ...policyOptionHelp,
  },
  details: [
    'Statuses: on-time (a successful shift wipe started within reporting.onTimeGraceMinutes of the',
    'shift end), caught-up (later, before the next shift end), failed (attempted, none succeeded before',
    'the next shift end), missed (no shift wipe before the next shift end), pending (the next shift end',
    'has not come yet). Logs are fully verified where the audit key can be read, by chain otherwise.',
    '',
    'Exit 0: every shift end is on time, caught up or pending, and every log verifies. Exit 1: one is',
    'missed or failed, or a log does not verify. Exit 2: bad input (dates, period, an unreadable log).',
  ].join('\n'),
  async run({ positionals, values, io }) {
    if (positionals.length > 0) throw new UsageError(`report takes no arguments (got '${positionals[0]}'; see --help)`);
    const from = required(values, 'from');
    const to = required(values, 'to');
    const format = oneOf(values, 'format', formats, 'html');
    const language = oneOf(values, 'lang', languages, 'vi');
    const logs = stringOption(values, 'logs');
    if (logs !== undefined && stringOption(values, 'state') !== undefined) throw new UsageError('--logs and --state each name the logs to read: give one');
    const jobs = jobsOption(values, logs !== undefined);
    const keysFile = stringOption(values, 'keys');
    if (keysFile !== undefined && logs === undefined) throw new UsageError('--keys checks forwarded logs: give --logs DIR too');
    const keys = keysFile === undefined ? undefined : readKeysOrExit(keysFile);
    const context = wipeContextForCli(logs === undefined ? values : { policy: values.policy }, io);
    const { policy } = context;
    let period;
    try {
      period = reportPeriod(from, to, policy.schedule.timeZone);
    } catch (error) {
      throw error instanceof PeriodError ? new UsageError(error.message) : error;
    }
    let report: Report;
    try {
      const sources: KioskLogSource[] =
        logs === undefined ? [stateRootLogSource(hostname(), context.deps.roots.state, context.store)] : await fleetLogSources(path.resolve(logs), keys);
      report = await buildReport({ policy, period, graceMinutes: policy.reporting.onTimeGraceMinutes, sources, now: new Date(), jobs });
    } catch (error) {
      throw error instanceof LogsFolderError ? new UsageError(error.message) : error;
    }
    const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'csv' ? reportToCsv(report) : reportToHtml(report, language);
    const out = stringOption(values, 'out');
    if (out === undefined) {
      io.stdout.write(text);
    } else {
      if (out.trim() === '') throw new UsageError('--out needs a file name');
      await writeFileAtomic(path.resolve(out), text, 0o644).catch((error: unknown) => {
        throw new UsageError(`cannot write the report to ${JSON.stringify(out)}: ${(error as Error).message}`);
      });
      const s = report.summary;
      io.stdout.write(
        `Report written to ${out}: ${s.kiosks} kiosk(s), ${s['on-time']} on time, ${s['caught-up']} caught up, ${s.failed} failed, ${s.missed} missed, ${s.pending} pending; ${s.logsNotVerified} log(s) not verified.\n`,
      );
    }
    return reportPasses(report) ? ExitCode.ok : ExitCode.failed;
  },
};

function readKeysOrExit(file: string): EnrolledKeys {
  try {
    return readEnrolledKeys(path.resolve(file));
  } catch (error) {
    throw error instanceof KeysFileError ? new UsageError(error.message) : error;
  }
}

function required(values: OptionValues, name: string): string {
  const value = stringOption(values, name);
  if (value === undefined || value === '') throw new UsageError(`report needs --${name} YYYY-MM-DD`);
  return value;
}

/** --jobs N: 1 to 256 worker threads, only where there is a fleet to spread (--logs). */
function jobsOption(values: OptionValues, fleet: boolean): number {
  const text = stringOption(values, 'jobs');
  if (text === undefined) return fleet ? availableParallelism() : 1;
  if (!fleet) throw new UsageError('--jobs goes with --logs (a folder of forwarded logs)');
  if (!/^[1-9][0-9]{0,2}$/.test(text) || Number(text) > 256) throw new UsageError(`--jobs must be a whole number from 1 to 256; got ${JSON.stringify(text)}`);
  return Number(text);
}

function oneOf<T extends string>(values: OptionValues, name: string, allowed: readonly T[], fallback: T): T {
  const value = stringOption(values, name) ?? fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`--${name} must be ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
  return value as T;
}
