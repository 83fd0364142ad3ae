import { verifyAuditLog } from '../../audit/verify-log';
import { recoverForCli, wipeContextForCli } from '../wipe-context';
import path from 'node:path';
import { stringOption, type Command } from '../command';
import { describeFileVerification, localReplacementNote, publicKeyOption, verifyLogFile } from './audit-signatures';
import { ExitCode, UsageError } from '../exit-codes';
import { jsonOption, jsonOptionHelp, policyOption, policyOptionHelp, rootOptionHelp, rootOptions } from '../shared-options';

export const auditVerifyCommand: Command = {
  words: ['audit', 'verify'],
  changesState: true,
  summary: 'Check the audit log: every seal, the chain, the order, and the head (nothing edited, deleted, inserted, reordered or cut off).',
  usage: 'audit verify [--json] [--log FILE] [--public-key FILE]',
  options: { ...jsonOption, ...policyOption, ...rootOptions, log: { type: 'string' }, 'public-key': { type: 'string' } },
  optionHelp: {
    ...jsonOptionHelp,
    ...policyOptionHelp,
    ...rootOptionHelp,
    log: "A log as the department holds it (a forwarded copy or a copied audit.log) instead of this kiosk's own: checked by chain (the audit key stays on the kiosk).",
    'public-key': "The kiosk's Ed25519 public key (PEM, from `audit public-key`): the log verifies only when its signatures check against it or a key rotated from it.",
  },
  details: [
    'Exit 0: the log is intact. Exit 1: each problem is listed with its line number and kind.',
    'A keyed log (HMAC with the key in the OS credential store) can only be checked where that key can',
    'be read: run it as the account the kiosk runs as. A keyed log is also compared with the copy of its',
    'head kept in that store, which shows an older audit.log and audit.head restored from a backup',
    "('rolled-back'). An unkeyed log proves less: see the README.",
  ].join('\n'),
  async run({ positionals, values, io }) {
    if (positionals.length > 0) throw new UsageError('audit verify takes no arguments (see --help)');
    const publicKey = stringOption(values, 'public-key');
    const key = publicKey === undefined ? null : publicKeyOption(publicKey);
    const logFile = stringOption(values, 'log') ?? (key ? undefined : null);
    if (logFile !== null) {
      const context = logFile === undefined ? wipeContextForCli(values, io) : null;
      const file = logFile ?? path.join(context!.deps.roots.state, 'audit.log');
      const checked = await verifyLogFile(file, key);
      io.stdout.write(values.json === true ? `${JSON.stringify(checked, null, 2)}\n` : `${describeFileVerification(file, checked)}\n`);
      return checked.ok ? ExitCode.ok : ExitCode.failed;
    }
    const context = wipeContextForCli(values, io);
    await recoverForCli(context, io);
    const result = await verifyAuditLog(context.deps.roots.state, context.store);
    const replaced = await localReplacementNote(path.join(context.deps.roots.state, 'audit.log'));
    if (replaced) result.notes.unshift(replaced);
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const verdict = result.ok ? 'intact' : `NOT INTACT: ${result.problems.length} problem(s)`;
      const lines = [
        `Audit log ${verdict}; ${result.records} record(s), sealing ${result.sealing}, key ${result.keyState}.`,
        ...result.problems.map((p) => `  ${p.line > 0 ? `line ${p.line}` : 'log'}: ${p.kind}: ${p.detail}`),
        ...result.notes.map((note) => `  note: ${note}`),
      ];
      io.stdout.write(`${lines.join('\n')}\n`);
    }
    return result.ok ? ExitCode.ok : ExitCode.failed;
  },
};
