import type { Command } from './command';
import { policyCheckCommand } from './commands/policy-check';
import { policyCheckUrlCommand } from './commands/policy-check-url';
import { installScheduleCommand } from './commands/install-schedule';
import { staffAddCommand } from './commands/staff-add';
import { staffListCommand } from './commands/staff-list';
import { staffRemoveCommand } from './commands/staff-remove';
import { staffPasswdCommand } from './commands/staff-passwd';
import { staffTotpEnrolCommand } from './commands/staff-totp-enrol';
import { staffUnlockCommand } from './commands/staff-unlock';
import { wipeCommand } from './commands/wipe';
import { statusCommand } from './commands/status';
import { auditVerifyCommand } from './commands/audit-verify';
import { auditStartNewLogCommand } from './commands/audit-start-new-log';
import { auditPublicKeyCommand } from './commands/audit-public-key';
import { auditRotateKeyCommand } from './commands/audit-rotate-key';
import { scheduleCommand } from './commands/schedule';
import { metricsCommand } from './commands/metrics';
import { forwardCommand } from './commands/forward';
import { reportCommand } from './commands/report';
import { doctorCommand } from './commands/doctor';

/**
 * Every CLI command, in the order `--help` lists them. Each lives in its own file under commands/
 * beside the core module it drives.
 */
export const commands: Command[] = [
  policyCheckCommand,
  policyCheckUrlCommand,
  installScheduleCommand,
  staffAddCommand,
  staffListCommand,
  staffRemoveCommand,
  staffPasswdCommand,
  staffTotpEnrolCommand,
  staffUnlockCommand,
  wipeCommand,
  statusCommand,
  auditVerifyCommand,
  auditStartNewLogCommand,
  auditPublicKeyCommand,
  auditRotateKeyCommand,
  scheduleCommand,
  metricsCommand,
  forwardCommand,
  reportCommand,
  doctorCommand,
];
