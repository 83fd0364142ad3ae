import { secretKindName } from '../../staff/strength';
import { stringOption, type Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { createPrompter, readNewSecret } from './staff-prompt';
import { openStaffAdmin, staffDetails, staffErrors, staffIdArgument, staffOptionHelp, staffOptions } from './staff-setup';

const usage = 'staff add ID --name "NAME" --role staff|admin [--pin] [--state DIR] [--policy FILE]';

export const staffAddCommand: Command = {
  words: ['staff', 'add'],
  changesState: true,
  summary: 'Add a staff account; its password (or PIN) is asked twice without echo.',
  usage,
  options: { ...staffOptions, name: { type: 'string' }, role: { type: 'string' }, pin: { type: 'boolean' } },
  optionHelp: {
    ...staffOptionHelp,
    name: 'Display name shown in the staff panel, e.g. "Nguyễn Thị Lan".',
    role: 'staff (force a wipe, view wipe records) or admin (also reload policy, leave kiosk mode; needs OTP).',
    pin: 'Use a PIN of digits instead of a password (staff role only, when the policy allows PINs).',
  },
  details: staffDetails,
  run: ({ positionals, values, io }) =>
    staffErrors(async () => {
      const id = staffIdArgument(positionals, usage);
      const role = stringOption(values, 'role');
      if (role !== 'staff' && role !== 'admin') throw new UsageError('--role must be staff or admin');
      const displayName = stringOption(values, 'name');
      if (displayName === undefined) throw new UsageError('--name is required');
      const kind = values.pin === true ? 'pin' : 'password';
      const admin = openStaffAdmin(values, io);
      // Everything but the secret is checked first: nobody types a password for an id that is taken.
      const draft = await admin.checkDraft({ id, displayName, role, kind });
      const prompter = createPrompter(io);
      try {
        const secret = await readNewSecret(prompter, secretKindName(kind));
        const added = await admin.add(draft, secret);
        const secretName = secretKindName(added.secretKind);
        io.stdout.write(`Added ${added.role} '${added.id}' (${added.displayName}) with a ${secretName}.\n`);
        io.stdout.write(`'${added.id}' must replace this ${secretName} with their own at the first sign-in.\n`);
        if (added.role === 'admin') io.stdout.write(`Admin actions need OTP: run 'public-kiosk staff totp-enrol ${added.id}'.\n`);
      } finally {
        prompter.close();
      }
      return ExitCode.ok;
    }),
};
