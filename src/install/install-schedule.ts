import path from 'node:path';
import { checkedArgument, InstallError, type InstallTarget, type ShiftSchedule } from './install-target';
import { applyLinuxPlan, describeLinuxPlan, lookUpUid, removeLinuxSchedule, SYSTEM_UNIT_DIR } from './linux-schedule';
import type { ProgramRunner } from './run-program';
import { systemdUnits } from './systemd-units';
import { applyWindowsPlan, describeWindowsPlan, removeWindowsSchedule } from './windows-schedule';
import { windowsTasks } from './windows-tasks';

export type ScheduleOs = 'linux' | 'windows';

export interface InstallScheduleRequest {
  os: ScheduleOs;
  schedule: ShiftSchedule;
  target: InstallTarget;
  dryRun: boolean;
  /** Linux: where the unit files go; systemctl is used only for the real system directory. */
  systemdDir: string;
  /** Windows: also register the task that starts the kiosk at the kiosk account's sign-in. */
  autostart: boolean;
  machineTimeZone: string;
  now: Date;
  run: ProgramRunner;
}

export function osOfPlatform(platform: NodeJS.Platform): ScheduleOs {
  if (platform === 'win32') return 'windows';
  if (platform === 'linux') return 'linux';
  throw new InstallError(`the OS scheduler of ${platform} is not supported (Windows Task Scheduler and systemd only)`);
}

/** The programs the OS will start must be given by absolute path: no PATH lookup at 11:30. */
function checkedProgram(target: InstallTarget, os: ScheduleOs): void {
  const flavour = os === 'windows' ? path.win32 : path.posix;
  const [program] = target.program;
  if (program === undefined || !flavour.isAbsolute(program)) throw new InstallError(`the program to schedule must be an absolute path, not '${program ?? ''}'`);
  target.program.forEach(checkedArgument);
}

/**
 * Builds the OS schedule from the policy's shift ends and either prints it (dry run: nothing is
 * read from or written to the system beyond the account lookup) or installs it. Returns the lines
 * to print.
 */
export async function installSchedule(request: InstallScheduleRequest): Promise<string> {
  checkedProgram(request.target, request.os);
  if (request.os === 'windows') {
    const tasks = windowsTasks(request.schedule, request.target, {
      machineTimeZone: request.machineTimeZone,
      autostart: request.autostart,
      year: request.now.getFullYear(),
    });
    if (request.dryRun) return describeWindowsPlan({ tasks });
    return (await applyWindowsPlan({ tasks }, request.run)).join('\n') + '\n';
  }
  const kioskUid = await lookUpUid(request.target.kioskUser, request.run);
  const dir = path.resolve(request.systemdDir);
  const plan = { dir, units: systemdUnits(request.schedule, { ...request.target, kioskUid }), activate: dir === SYSTEM_UNIT_DIR };
  if (request.dryRun) return describeLinuxPlan(plan);
  return (await applyLinuxPlan(plan, request.run)).join('\n') + '\n';
}

/** Removes what installSchedule registered (uninstall); absent entries are fine. */
export async function removeSchedule(request: Pick<InstallScheduleRequest, 'os' | 'systemdDir' | 'dryRun' | 'run'>): Promise<string> {
  if (request.dryRun) {
    const what = request.os === 'windows' ? 'the scheduled tasks in \\public-kiosk\\' : `the public-kiosk units in ${path.resolve(request.systemdDir)}`;
    return `Would remove ${what}.\n`;
  }
  const lines =
    request.os === 'windows'
      ? await removeWindowsSchedule(request.run)
      : await removeLinuxSchedule(path.resolve(request.systemdDir), path.resolve(request.systemdDir) === SYSTEM_UNIT_DIR, request.run);
  return `${lines.length > 0 ? lines.join('\n') : 'nothing was registered'}\n`;
}
