import { REPLACEMENT_REASON } from '../../audit/signature-record-schema';
import { startNewAuditLog } from '../../audit/start-new-log';
import { wipeContextForCli } from '../wipe-context';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { policyOption, policyOptionHelp, rootOptionHelp, rootOptions } from '../shared-options';
import { confirmAdmin, HeldRecords } from './admin-confirmation';
import { createPrompter } from './staff-prompt';

export const auditStartNewLogCommand: Command = {
  words: ['audit', 'start-new-log'],
  changesState: true,
  summary: "Set the audit log aside (renamed, kept) and start a new one linked to it, e.g. after damage or a rollback; needs an admin's password and OTP.",
  usage: 'audit start-new-log',
  options: { ...policyOption, ...rootOptions },
  optionHelp: { ...policyOptionHelp, ...rootOptionHelp },
  details: [
    "Asks for an admin's staff id, password and a fresh OTP code, and the reason (one line). Renames",
    'audit.log and audit.head to *.replaced-<time> in the state root (nothing is deleted) and forgets',
    "the copy of the head kept in the OS credential store; the new log's first record is `log-replaced`:",
    'the old log id, its record count, last seq and seal, who and why (forwarded like every record).',
    'Where no credential store can be reached there is no OTP: the password alone is checked, the new',
    'log is unkeyed, and the record says so. Exit 1: refused (nothing changed). Answers may come one',
    'per line on stdin from a script.',
  ].join('\n'),
  async run({ positionals, values, io }) {
    if (positionals.length > 0) throw new UsageError('audit start-new-log takes no arguments (see --help)');
    const context = wipeContextForCli(values, io);
    const stateRoot = context.deps.roots.state;
    const storeReachable = await context.store.available().catch(() => false);
    const held = new HeldRecords();
    const prompter = createPrompter(io);
    let confirmed;
    let reason = '';
    try {
      confirmed = await confirmAdmin(prompter, { stateRoot, policy: context.policy.staff, store: context.store, storeReachable, held });
      if (confirmed.ok) reason = (await prompter.visible('Reason (one line): ')).trim();
    } finally {
      prompter.close();
    }
    if (!confirmed.ok) {
      // The refusal goes to the log as it is; it may be the damaged one this was meant to replace.
      await held.flushTo(context.audit).catch(() => undefined);
      io.stderr.write(`Refused: ${confirmed.why}. Nothing was changed.\n`);
      return ExitCode.failed;
    }
    if (!REPLACEMENT_REASON.test(reason)) throw new UsageError('the reason must be one short sentence (letters, digits, spaces, plain punctuation; no slashes); nothing was changed');
    const started = await startNewAuditLog(stateRoot, context.store, new Date(), { by: confirmed.staffId, otpChecked: confirmed.otpChecked, reason });
    // The admin's confirmation follows the log-replaced record in the new log.
    await held.flushTo(context.audit);
    const aside = started.setAside.length > 0 ? `set aside: ${started.setAside.join(', ')}` : 'there was no audit log to set aside';
    const store = started.storeHeadForgotten ? '; the credential-store copy of its head was forgotten' : '';
    const otp = confirmed.otpChecked ? '' : ' No credential store could be reached: the password alone was checked and the new log is unkeyed.';
    io.stdout.write(`New audit log started by ${confirmed.staffId} (${aside}${store}). Its first record links it to the old log.${otp}\n`);
    return ExitCode.ok;
  },
};
