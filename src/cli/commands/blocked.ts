import { hostname } from 'node:os';
import path from 'node:path';
import { allowRulesYaml } from '../../blocked-journal/allow-yaml';
import { summariseBlocked, type BlockedSummary, type KioskRecord } from '../../blocked-journal/ranking';
import { fleetLogSources, LogsFolderError } from '../../report/fleet-source';
import { stateRootLogSource } from '../../report/local-source';
import type { KioskLogSource } from '../../report/log-source';
import { formatDate, parseCalendarDay, PeriodError, reportPeriod } from '../../report/period';
import { addDays, wallClockAt } from '../../schedule/zoned-time';
import { stringOption, type Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { policyOption, policyOptionHelp } from '../shared-options';
import { wipeContextForCli } from '../wipe-context';

/** Without --from: the 30 days up to --to (today by default). */
const DEFAULT_DAYS = 30;

export const blockedCommand: Command = {
  words: ['blocked'],
  summary: 'Hosts the kiosk refused, ranked by the sessions that hit them (per kind and rule); --yaml turns the allowlist refusals into allow rules to review.',
  usage: 'blocked [--from DATE] [--to DATE] [--logs DIR] [--rehearsals] [--json | --yaml] [--state DIR]',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    logs: { type: 'string' },
    rehearsals: { type: 'boolean' },
    json: { type: 'boolean' },
    yaml: { type: 'boolean' },
    state: { type: 'string' },
    ...policyOption,
  },
  optionHelp: {
    from: `First calendar day (YYYY-MM-DD, in the policy time zone), included. Default: ${DEFAULT_DAYS} days before --to.`,
    to: 'Last calendar day, included (default: today). At most 366 days in all.',
    logs: "A folder of forwarded kiosk logs, read as `report --logs` reads it (one *.log / *.jsonl file or one folder with an audit.log per kiosk). Default: this kiosk's own audit log.",
    rehearsals: "Read the admins' rehearsal records (audit mode) instead of the citizens' blocked records.",
    json: 'Print the ranking as JSON.',
    yaml: "Print ready-to-review `sites.allow` entries for the hosts the allowlist refused ('not-allowed'), each with a comment: sessions, kiosks, first and last seen.",
    state: "State root holding this kiosk's audit log; overrides the policy.",
    ...policyOptionHelp,
  },
  details: [
    'Each citizen session that refused something left one `blocked` record: hosts only (never a path,',
    'query or anything typed), with the kind (navigation, frame, popup, subresource, websocket, download)',
    'and the rule (not-allowed, deny, category:NAME, local-network, scheme, download-type). A host is',
    'ranked by how many sessions hit it. Nothing here changes the policy: review the YAML, then put the',
    'rules you keep into the machine policy.',
    '',
    'Exit 0. Exit 2: bad input (dates, a period over 366 days, an unreadable logs folder).',
  ].join('\n'),
  async run({ positionals, values, io }) {
    if (positionals.length > 0) throw new UsageError(`blocked takes no arguments (got '${positionals[0]}'; see --help)`);
    if (values.json === true && values.yaml === true) throw new UsageError('--json and --yaml each choose the output: give one');
    const logs = stringOption(values, 'logs');
    if (logs !== undefined && stringOption(values, 'state') !== undefined) throw new UsageError('--logs and --state each name the logs to read: give one');
    if (logs?.trim() === '') throw new UsageError('--logs needs a folder');
    const context = wipeContextForCli(logs === undefined ? values : { policy: values.policy }, io);
    const timeZone = context.policy.schedule.timeZone;
    const period = periodOf(stringOption(values, 'from'), stringOption(values, 'to'), timeZone);
    let sources: KioskLogSource[];
    try {
      sources = logs === undefined ? [stateRootLogSource(hostname(), context.deps.roots.state, context.store)] : await fleetLogSources(path.resolve(logs));
    } catch (error) {
      throw error instanceof LogsFolderError ? new UsageError(error.message) : error;
    }
    const records: KioskRecord[] = [];
    const notes: string[] = [];
    for (const source of sources) {
      // Only the journal's own records are kept: a fleet's logs stream past.
      const read = await source.read((r) => {
        const type = (r.rec as { type?: unknown }).type;
        if (type === 'blocked' || type === 'rehearsal') records.push({ kioskId: source.kioskId, file: r.file, line: r.line, rec: r.rec });
      });
      for (const problem of read.problems) notes.push(`${source.kioskId}: ${problem.file}:${problem.line}: ${problem.kind}`);
    }
    const summary = summariseBlocked(records, values.rehearsals === true ? 'rehearsal' : 'blocked', period.startMs, period.endMs);
    for (const p of summary.problems) notes.push(`${p.kioskId}: ${p.file}:${p.line}: ${p.detail}`);
    const shownPeriod = { from: formatDate(period.from), to: formatDate(period.to) };
    if (values.yaml === true) io.stdout.write(allowRulesYaml(summary, shownPeriod));
    else if (values.json === true) io.stdout.write(`${JSON.stringify({ period: shownPeriod, ...summary, notes }, null, 2)}\n`);
    else io.stdout.write(textOf(summary, shownPeriod));
    // The YAML and JSON stay clean on stdout; what could not be counted is said on stderr.
    for (const note of notes) io.stderr.write(`note: ${note}\n`);
    return ExitCode.ok;
  },
};

function periodOf(from: string | undefined, to: string | undefined, timeZone: string) {
  const today = wallClockAt(Date.now(), timeZone);
  try {
    const last = to ?? formatDate(today);
    // A --to that is not a day is named as such before any default --from is worked out from it.
    const first = from ?? formatDate(addDays(parseCalendarDay(last, '--to'), -(DEFAULT_DAYS - 1)));
    return reportPeriod(first, last, timeZone);
  } catch (error) {
    throw error instanceof PeriodError ? new UsageError(error.message) : error;
  }
}

function textOf(summary: BlockedSummary, period: { from: string; to: string }): string {
  const kind = summary.type === 'rehearsal' ? 'rehearsal' : 'blocked';
  const lines = [`${summary.records} ${kind} record(s) from ${period.from} to ${period.to}; ${summary.rows.length} host/kind/rule row(s).`];
  if (summary.rows.length > 0) {
    lines.push('', ['SESSIONS', 'COUNT', 'KIOSKS', 'KIND', 'RULE', 'HOST'].join('\t'));
    for (const r of summary.rows) lines.push([r.sessions, r.count, r.kiosks.length, r.kind, r.rule, r.host].join('\t'));
  }
  if (summary.otherCount > 0) lines.push('', `${summary.otherCount} more refusal(s) past the 50 hosts each record names.`);
  return `${lines.join('\n')}\n`;
}
