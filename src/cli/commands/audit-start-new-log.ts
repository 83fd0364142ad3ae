import { startNewAuditLog } from '../../audit/start-new-log';
import { wipeContextForCli } from '../wipe-context';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { policyOption, policyOptionHelp, rootOptionHelp, rootOptions } from '../shared-options';

export const auditStartNewLogCommand: Command = {
  words: ['audit', 'start-new-log'],
  changesState: true,
  summary: 'Set the audit log aside (renamed, kept) and start a new one, e.g. after damage or a rollback that has been dealt with.',
  usage: 'audit start-new-log',
  options: { ...policyOption, ...rootOptions },
  optionHelp: { ...policyOptionHelp, ...rootOptionHelp },
  details: [
    'Renames audit.log and audit.head to *.replaced-<time> in the state root (nothing is deleted) and',
    "forgets the copy of the head kept in the OS credential store, so the next record is not refused as",
    'a rollback. Run it as the account the kiosk runs as, after reading `audit verify`. Exit 1 if the',
    'credential store cannot be reached (nothing changed).',
  ].join('\n'),
  async run({ positionals, values, io }) {
    if (positionals.length > 0) throw new UsageError('audit start-new-log takes no arguments (see --help)');
    const context = wipeContextForCli(values, io);
    const started = await startNewAuditLog(context.deps.roots.state, context.store, new Date());
    const aside = started.setAside.length > 0 ? `set aside: ${started.setAside.join(', ')}` : 'there was no audit log to set aside';
    const store = started.storeHeadForgotten ? '; the credential-store copy of its head was forgotten' : '';
    io.stdout.write(`New audit log started (${aside}${store}). The next record is its first.\n`);
    return ExitCode.ok;
  },
};
