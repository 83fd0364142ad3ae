import { hostname } from 'node:os';
import { loadAuditKey } from '../../audit/audit-key';
import { loadSigningKey, publicKeyPem } from '../../audit/signing-key';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { jsonOption, jsonOptionHelp, policyOption, policyOptionHelp, rootOptionHelp, rootOptions } from '../shared-options';
import { wipeContextForCli } from '../wipe-context';

export const auditPublicKeyCommand: Command = {
  words: ['audit', 'public-key'],
  changesState: true,
  summary: "Print this kiosk's public signing key (PEM), its fingerprint and the kiosk name, for the department's keys.yaml.",
  usage: 'audit public-key [--json]',
  options: { ...jsonOption, ...policyOption, ...rootOptions },
  optionHelp: { ...jsonOptionHelp, ...policyOptionHelp, ...rootOptionHelp },
  details: [
    'The private key stays in the OS credential store beside the audit key (created with it if missing).',
    'The kiosk name is the host name its records are forwarded under. Run it as the account the kiosk',
    'runs as. Exit 1 where no credential store can be reached: records are not signed there.',
  ].join('\n'),
  async run({ positionals, values, io }) {
    if (positionals.length > 0) throw new UsageError('audit public-key takes no arguments (see --help)');
    const context = wipeContextForCli(values, io);
    const audit = await loadAuditKey(context.store, true);
    const key = audit.state === 'keyed' ? await loadSigningKey(context.store, true) : null;
    if (!key) {
      io.stderr.write(`No signing key: the OS credential store is ${audit.state}, so this kiosk's records are not signed (they verify by chain only).\n`);
      return ExitCode.failed;
    }
    const entry = { kiosk: hostname(), publicKey: publicKeyPem(key.publicKey), fingerprint: key.fingerprint, since: new Date().toISOString().slice(0, 10) };
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
    } else {
      // Ready to paste into keys.yaml.
      const pem = entry.publicKey.trim().split('\n').map((line) => `      ${line}`).join('\n');
      io.stdout.write(`${entry.kiosk}:\n  - publicKey: |\n${pem}\n    fingerprint: ${entry.fingerprint}\n    since: ${entry.since}\n`);
    }
    return ExitCode.ok;
  },
};
