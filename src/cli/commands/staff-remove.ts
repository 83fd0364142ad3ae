import { ExitCode } from '../exit-codes';
import { staffIdCommand } from './staff-setup';

export const staffRemoveCommand = staffIdCommand('remove', 'Remove a staff account and its OTP secret.', async (admin, id, io) => {
  const account = await admin.existing(id);
  const { otpSecretLeft } = await admin.remove(account.id);
  io.stdout.write(`Removed '${account.id}'.\n`);
  if (!otpSecretLeft) return ExitCode.ok;
  // Harmless without the account (a new account with this id must enrol again), but not to be left behind.
  io.stderr.write(
    `public-kiosk: the OS credential store could not be reached: the OTP secret (service public-kiosk, account totp:${account.id}) ` +
      `is still there; delete it in the store (Linux: secret-tool clear service public-kiosk username totp:${account.id}).\n`,
  );
  return ExitCode.failed;
});
