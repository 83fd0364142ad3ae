import type { AccountSummary } from '../../staff/staff-admin';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { jsonOption, jsonOptionHelp } from '../shared-options';
import { openStaffAdmin, staffDetails, staffErrors, staffOptionHelp, staffOptions } from './staff-setup';

export const staffListCommand: Command = {
  words: ['staff', 'list'],
  summary: "List staff accounts: role, secret kind and age, OTP, the kiosk's sign-in delay. Never a secret or verifier.",
  usage: 'staff list [--json] [--state DIR] [--policy FILE]',
  options: { ...staffOptions, ...jsonOption },
  optionHelp: { ...staffOptionHelp, ...jsonOptionHelp },
  details: staffDetails,
  run: ({ positionals, values, io }) =>
    staffErrors(async () => {
      if (positionals.length > 0) throw new UsageError(`staff list takes no arguments, got '${positionals[0]}'`);
      const accounts = await openStaffAdmin(values, io).list();
      io.stdout.write(values.json === true ? `${JSON.stringify(accounts, null, 2)}\n` : table(accounts));
      return ExitCode.ok;
    }),
};

function table(accounts: AccountSummary[]): string {
  if (accounts.length === 0) return "No staff accounts. Add one with 'public-kiosk staff add ID --name NAME --role admin'.\n";
  const rows = accounts.map((a) => [
    a.id,
    a.role,
    a.secretKind + mustChangeNote(a),
    a.changedAt.slice(0, 10),
    a.otpEnrolled ? 'yes' : a.role === 'admin' ? 'NO (admin actions refused)' : 'no',
    // The delay is the kiosk's, not the account's: the same on every row.
    a.lockedUntil === null ? (a.failures > 0 ? `${a.failures} failed` : '') : `kiosk waits until ${a.lockedUntil}`,
    a.displayName,
  ]);
  const header = ['ID', 'ROLE', 'SECRET', 'CHANGED', 'OTP', 'LOCKOUT', 'NAME'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

/** Why the owner must choose a new secret at their next sign-in, if they must. */
function mustChangeNote(account: AccountSummary): string {
  const reasons = [account.secretSetByAdmin ? 'set by admin' : '', account.secretExpired ? 'expired' : ''].filter((r) => r !== '');
  return reasons.length === 0 ? '' : ` (${reasons.join(', ')}: must change)`;
}
