import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { crashPoint } from '../crash/crash-points';
import { writeFileAtomic } from '../state/atomic-file';
import { InstallError } from './install-target';
import { runOrThrow, type ProgramRunner } from './run-program';
import { SYSTEMD_SERVICE, SYSTEMD_TIMER, type UnitFile } from './systemd-units';

/** Where units are activated with systemctl; any other --systemd-dir only receives the files. */
export const SYSTEM_UNIT_DIR = '/etc/systemd/system';

export interface LinuxPlan {
  dir: string;
  units: UnitFile[];
  /** True only for the real unit directory: then systemctl reloads and (re)starts the timer. */
  activate: boolean;
}

const activation: string[][] = [['daemon-reload'], ['enable', SYSTEMD_TIMER], ['restart', SYSTEMD_TIMER]];
const deactivation: string[][] = [['disable', '--now', SYSTEMD_TIMER]];

export function describeLinuxPlan(plan: LinuxPlan): string {
  const files = plan.units.map((unit) => `--- ${path.join(plan.dir, unit.name)}\n${unit.content}`);
  const commands = plan.activate
    ? activation.map((args) => `systemctl ${args.join(' ')}`)
    : [`(not activated: ${plan.dir} is not ${SYSTEM_UNIT_DIR})`];
  return [`Would write ${plan.units.length} systemd units:`, ...files, 'Would run:', ...commands.map((c) => `  ${c}`), ''].join('\n');
}

/**
 * Writes the units (atomically, only those that changed) and activates the timer. Running it again
 * with the same policy changes nothing on disk; the timer is restarted so a changed schedule counts.
 */
export async function applyLinuxPlan(plan: LinuxPlan, run: ProgramRunner): Promise<string[]> {
  await mkdir(plan.dir, { recursive: true });
  crashPoint('dir:made', 'systemd units');
  const report: string[] = [];
  for (const unit of plan.units) {
    const file = path.join(plan.dir, unit.name);
    const before = await readFile(file, 'utf8').catch(() => null);
    if (before === unit.content) {
      report.push(`unchanged ${file}`);
      continue;
    }
    await writeFileAtomic(file, unit.content, 0o644);
    report.push(`${before === null ? 'created' : 'updated'} ${file}`);
  }
  if (plan.activate) {
    for (const args of activation) await runOrThrow(run, 'systemctl', args);
    report.push(`systemctl: ${SYSTEMD_TIMER} enabled and restarted`);
  } else {
    report.push(`not activated (${plan.dir} is not ${SYSTEM_UNIT_DIR})`);
  }
  return report;
}

/** Stops and disables the timer, then deletes both units. Missing units are not an error. */
export async function removeLinuxSchedule(dir: string, activate: boolean, run: ProgramRunner): Promise<string[]> {
  const report: string[] = [];
  if (activate) {
    // A timer that was never installed makes systemctl fail: that is the state we want anyway.
    for (const args of deactivation) await run('systemctl', args);
  }
  for (const name of [SYSTEMD_TIMER, SYSTEMD_SERVICE]) {
    const file = path.join(dir, name);
    const existed = await readFile(file).then(() => true, () => false);
    await rm(file, { force: true });
    crashPoint('install:removed', name);
    report.push(`${existed ? 'removed' : 'absent'} ${file}`);
  }
  if (activate) await runOrThrow(run, 'systemctl', ['daemon-reload']);
  return report;
}

/** The kiosk account's uid, asked of the OS (`id -u` sees local and directory accounts alike). */
export async function lookUpUid(user: string, run: ProgramRunner): Promise<number> {
  const result = await run('id', ['-u', '--', user]);
  const uid = Number(result.output.trim());
  if (result.code !== 0 || !Number.isInteger(uid)) {
    throw new InstallError(`there is no account '${user}' on this machine: create the kiosk account first (docs/INSTALL.md), or name it with --kiosk-user`);
  }
  return uid;
}
