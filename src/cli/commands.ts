import type { Command } from './command';
import { policyCheckCommand } from './commands/policy-check';
import { policyCheckUrlCommand } from './commands/policy-check-url';
import { installScheduleCommand } from './commands/install-schedule';
import { wipeCommand } from './commands/wipe';
import { statusCommand } from './commands/status';
import { auditVerifyCommand } from './commands/audit-verify';
import { scheduleCommand } from './commands/schedule';

/**
 * Every CLI command, in the order `--help` lists them. Each lives in its own file under commands/
 * beside the core module it drives.
 */
export const commands: Command[] = [
  policyCheckCommand,
  policyCheckUrlCommand,
  installScheduleCommand,
  wipeCommand,
  statusCommand,
  auditVerifyCommand,
  scheduleCommand,
];
