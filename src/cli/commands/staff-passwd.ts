import { secretKindName } from '../../staff/strength';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { createPrompter, readNewSecret } from './staff-prompt';
import { openStaffAdmin, staffDetails, staffErrors, staffIdArgument, staffOptionHelp, staffOptions } from './staff-setup';

const usage = 'staff passwd ID [--pin] [--state DIR] [--policy FILE]';

export const staffPasswdCommand: Command = {
  words: ['staff', 'passwd'],
  changesState: true,
  summary: "Set a new password (or PIN) for an account. The old one is not needed.",
  usage,
  options: { ...staffOptions, pin: { type: 'boolean' } },
  optionHelp: { ...staffOptionHelp, pin: 'Set a PIN instead of a password (staff role only, when the policy allows PINs).' },
  details: staffDetails,
  run: ({ positionals, values, io }) =>
    staffErrors(async () => {
      const admin = openStaffAdmin(values, io);
      const account = await admin.existing(staffIdArgument(positionals, usage));
      const kind = values.pin === true ? 'pin' : 'password';
      admin.checkKind(account.role, kind);
      const prompter = createPrompter(io);
      try {
        await admin.setSecret(account.id, await readNewSecret(prompter, secretKindName(kind)), kind);
      } finally {
        prompter.close();
      }
      io.stdout.write(`New ${secretKindName(kind)} set for '${account.id}'; they must replace it with their own at the next sign-in.\n`);
      return ExitCode.ok;
    }),
};
