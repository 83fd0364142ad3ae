import { stat } from 'node:fs/promises';
import { loadAuditKey } from '../../audit/audit-key';
import { auditLogSealing } from '../../audit/log-info';
import { readRecentWipes } from '../../audit/recent';
import { forwardBacklog, type DestinationBacklog } from '../../forwarding/backlog';
import { syslogDestinations } from '../../forwarding/destination';
import { describeOtpAvailability } from '../../staff/otp-availability';
import { readServiceState } from '../../state/service-state';
import { recoverForCli, wipeContextForCli } from '../wipe-context';
import { describeWipe } from '../wipe-format';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { jsonOption, jsonOptionHelp, policyOption, policyOptionHelp, rootOptionHelp, rootOptions } from '../shared-options';

const sealingText = {
  keyed: 'keyed (HMAC-SHA256 chain; the key is in the OS credential store)',
  unkeyed: 'UNKEYED (SHA-256 chain: shows accidental damage and careless edits, not a deliberate rewrite)',
  empty: 'empty (no record yet)',
  unreadable: 'audit.head unreadable: run public-kiosk audit verify',
} as const;

/** What the IT officer runs to bring the kiosk back, by out-of-service reason. */
function howToRestore(reason: string): string {
  if (reason === 'state-unreadable') return "out-of-service.json in the state root is damaged and so still means out of service: run 'public-kiosk wipe' (a successful shift wipe removes it)";
  if (reason === 'audit-unavailable') return "the audit log refused a record: run 'public-kiosk audit verify' to see why ('public-kiosk audit start-new-log' once it is dealt with), then 'public-kiosk wipe'";
  return "a successful shift wipe restores it ('public-kiosk wipe')";
}

export const statusCommand: Command = {
  words: ['status'],
  changesState: true,
  summary: 'Show the last wipe and its result, whether the kiosk is out of service, and how wipes are recorded.',
  usage: 'status [--json]',
  options: { ...jsonOption, ...policyOption, ...rootOptions },
  optionHelp: { ...jsonOptionHelp, ...policyOptionHelp, ...rootOptionHelp },
  details: 'Exit 0 whatever the state (read outOfService in --json); 2 when the state root does not exist.',
  async run({ positionals, values, io }) {
    if (positionals.length > 0) throw new UsageError('status takes no arguments (see --help)');
    const context = wipeContextForCli(values, io);
    const stateRoot = context.deps.roots.state;
    if (!(await stat(stateRoot).catch(() => null))?.isDirectory()) throw new UsageError(`state root ${stateRoot} does not exist`);
    const recovered = await recoverForCli(context, io);
    const [lastWipe] = await readRecentWipes(stateRoot, 1);
    const state = await readServiceState(stateRoot);
    const otp = await describeOtpAvailability(context.store).catch(() => ({ available: false, message: 'OS credential store unavailable: staff OTP cannot be enrolled or checked' }));
    const storeAvailable = otp.available;
    const keyState = (await loadAuditKey(context.store, false)).state;
    const sealing = await auditLogSealing(stateRoot);
    const forwarding = await forwardBacklog(stateRoot, syslogDestinations(context.policy.reporting.syslog));
    if (values.json === true) {
      const report = { ...state, lastWipe: lastWipe ?? null, recovered: recovered?.record ?? null, credentialStore: { available: storeAvailable }, staffOtp: otp, auditLog: { sealing, keyState }, forwarding };
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return ExitCode.ok;
    }
    const covered = state.lastShiftWipe?.coveredShiftEnd;
    const lines = [
      `Service: ${state.outOfService ? `OUT OF SERVICE since ${state.outOfService.since} (${state.outOfService.reason}); ${howToRestore(state.outOfService.reason)}` : 'in service'}`,
      `Last wipe: ${lastWipe ? describeWipe(lastWipe).join('\n') : 'none recorded'}`,
      `Last successful shift wipe: ${state.lastShiftWipe ? `${state.lastShiftWipe.at}${covered ? ` (covers the shift end ${covered})` : ''}` : 'none'}`,
      `Interrupted wipe pending: ${state.journalPending ? 'YES (it is finished at the next start)' : 'no'}`,
      `Credential store: ${storeAvailable ? 'available' : 'NOT available (no OS credential store reachable)'}`,
      `Staff OTP: ${otp.available ? 'can be enrolled and checked' : 'admin OTP enrolment is REFUSED: no OS credential store'}`,
      `Audit log: ${sealingText[sealing]}`,
    ];
    if (sealing !== 'keyed' && keyState === 'keyed') lines.push('  An audit key exists: the next record is keyed.');
    lines.push(...describeForwarding(forwarding));
    io.stdout.write(`${lines.join('\n')}\n`);
    return ExitCode.ok;
  },
};

function describeForwarding(list: readonly DestinationBacklog[]): string[] {
  if (list.length === 0) return ['Syslog forwarding: none configured (reporting.syslog)'];
  return [
    'Syslog forwarding:',
    ...list.map((d) => {
      const cursor = d.cursor ? `acknowledged up to record ${d.cursor.seq} of log ${d.cursor.logId}` : 'nothing acknowledged yet';
      const error = d.lastError ? `; LAST ERROR ${d.lastError.at}: ${d.lastError.message}` : '';
      return `  ${d.destination}: ${d.records} record(s) waiting; ${cursor}${error}`;
    }),
  ];
}
