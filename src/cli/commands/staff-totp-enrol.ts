import { toString as qrToString } from 'qrcode';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { createPrompter } from './staff-prompt';
import { openStaffAdmin, staffDetails, staffErrors, staffIdArgument, staffOptionHelp, staffOptions } from './staff-setup';

const usage = 'staff totp-enrol ID [--state DIR] [--policy FILE]';

export const staffTotpEnrolCommand: Command = {
  words: ['staff', 'totp-enrol'],
  changesState: true,
  summary: 'Enrol an authenticator app (TOTP) for an account: shows a QR code, then asks for a code.',
  usage,
  options: { ...staffOptions, 'print-secret': { type: 'boolean' } },
  optionHelp: {
    ...staffOptionHelp,
    'print-secret': 'Show the QR code and URI even though stderr is not a terminal (it may end up in a file).',
  },
  details: [
    staffDetails,
    '',
    'The QR code and otpauth:// URI are shown once, on this terminal only: scan it with an authenticator',
    'app (Google Authenticator, Microsoft Authenticator, FreeOTP…), then type the 6-digit code it shows.',
    'The secret is stored only in the OS credential store; without one, enrolment is refused.',
    'Enrolling again replaces the previous secret.',
  ].join('\n'),
  run: ({ positionals, values, io }) =>
    staffErrors(async () => {
      const onTerminal = (io.stderr as { isTTY?: boolean }).isTTY === true;
      if (!onTerminal && values['print-secret'] !== true) {
        throw new UsageError('stderr is not a terminal: the OTP secret could end up in a file. Run it in a terminal, or pass --print-secret');
      }
      const admin = openStaffAdmin(values, io);
      const enrolment = await admin.startTotpEnrolment(staffIdArgument(positionals, usage));
      const qr = await qrToString(enrolment.uri, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
      // The terminal only: stdout may be a log file or a pipe, stderr is what the person sees.
      io.stderr.write(`Scan this with the authenticator app of '${enrolment.staffId}':\n\n${qr}\n`);
      io.stderr.write(`Or enter this URI by hand:\n${enrolment.uri}\n\n`);
      const prompter = createPrompter(io);
      try {
        await admin.confirmTotpEnrolment(enrolment, await prompter.visible('Code shown by the app: '));
      } finally {
        prompter.close();
      }
      io.stdout.write(`OTP enrolled for '${enrolment.staffId}'.\n`);
      return ExitCode.ok;
    }),
};
