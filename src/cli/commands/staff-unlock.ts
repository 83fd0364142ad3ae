import { ExitCode } from '../exit-codes';
import { staffIdCommand } from './staff-setup';

export const staffUnlockCommand = staffIdCommand('unlock', "End the kiosk's delay after failed sign-ins and reset the failure count.", async (admin, id, io) => {
  const account = await admin.existing(id);
  await admin.unlock(account.id);
  io.stdout.write(`Unlocked '${account.id}'.\n`);
  return ExitCode.ok;
});
