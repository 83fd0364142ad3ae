import { AuditUnavailableError } from '../../audit/audit-log';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { policyOption, policyOptionHelp, rootOptionHelp, rootOptions } from '../shared-options';
import { wipeContextForCli } from '../wipe-context';

export const auditRotateKeyCommand: Command = {
  words: ['audit', 'rotate-key'],
  changesState: true,
  summary: 'Replace the signing key: a key-rotated record signed by the old key names the new one.',
  usage: 'audit rotate-key',
  options: { ...policyOption, ...rootOptions },
  optionHelp: { ...policyOptionHelp, ...rootOptionHelp },
  details: [
    'The department keeps verifying without a change to keys.yaml (the rotation is signed by the key it',
    'enrolled); add the new key from `audit public-key` to keys.yaml as well. Exit 1 where there is no',
    'signing key (no credential store).',
  ].join('\n'),
  async run({ positionals, values, io }) {
    if (positionals.length > 0) throw new UsageError('audit rotate-key takes no arguments (see --help)');
    const { audit } = wipeContextForCli(values, io);
    try {
      const rotated = await audit.rotateSigningKey!();
      io.stdout.write(`Signing key rotated: ${rotated.from} → ${rotated.to}.\n`);
      return ExitCode.ok;
    } catch (error) {
      if (!(error instanceof AuditUnavailableError)) throw error;
      io.stderr.write(`${error.message}\n`);
      return ExitCode.failed;
    }
  },
};
