import path from 'node:path';
import { stringOption, type Command, type CommandContext } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { policyForCli } from '../policy-for-cli';
import { policyOption, policyOptionHelp } from '../shared-options';
import { InstallError } from '../../install/install-target';
import { installSchedule, osOfPlatform, removeSchedule, type ScheduleOs } from '../../install/install-schedule';
import { SYSTEM_UNIT_DIR } from '../../install/linux-schedule';
import { runProgram } from '../../install/run-program';
import { currentRuntime, scheduledProgram } from '../../install/scheduled-program';

export const installScheduleCommand: Command = {
  words: ['install-schedule'],
  summary: "Register 'wipe --if-due' with the OS scheduler at each shift end and at start-up (idempotent).",
  usage: 'install-schedule [--dry-run] [--policy FILE] [--kiosk-user NAME] [--remove]',
  options: {
    ...policyOption,
    'dry-run': { type: 'boolean' },
    'kiosk-user': { type: 'string' },
    'systemd-dir': { type: 'string' },
    'no-autostart': { type: 'boolean' },
    remove: { type: 'boolean' },
    os: { type: 'string' },
  },
  optionHelp: {
    ...policyOptionHelp,
    'dry-run': 'Print the units or task XML and the commands it would run; change nothing.',
    'kiosk-user': "The account the kiosk runs as; the wipe runs as it too (default: the machine policy's install.kioskUser, else kiosk).",
    'systemd-dir': `Linux: write the units here instead of ${SYSTEM_UNIT_DIR}, without calling systemctl (images, tests).`,
    'no-autostart': 'Windows: do not register the task that starts the kiosk at sign-in (Shell Launcher starts it).',
    remove: 'Remove what install-schedule registered (used by the uninstallers).',
    os: 'With --dry-run: show the schedule for windows or linux from any machine.',
  },
  details: [
    'Run it again after every policy change: it rewrites the schedule from the installed policy.',
    'Windows: registers \\public-kiosk\\Shift wipe (and \\public-kiosk\\Start kiosk) with schtasks; needs an',
    'administrator. Linux: writes public-kiosk-wipe.service and .timer and enables the timer; needs root.',
  ].join('\n'),
  run: runInstallSchedule,
};

async function runInstallSchedule(context: CommandContext): Promise<number> {
  const { values, io } = context;
  if (context.positionals.length > 0) throw new UsageError(`install-schedule takes no arguments, got '${context.positionals[0]}'`);
  const dryRun = values['dry-run'] === true;
  const os = chosenOs(stringOption(values, 'os'), dryRun);
  const systemdDir = stringOption(values, 'systemd-dir') ?? SYSTEM_UNIT_DIR;
  try {
    if (values.remove === true) {
      io.stdout.write(await removeSchedule({ os, systemdDir, dryRun, run: runProgram }));
      return ExitCode.ok;
    }
    const { policy } = policyForCli(values, io);
    const policyFile = stringOption(values, 'policy') ?? (io.env.PUBLIC_KIOSK_POLICY || undefined);
    const runtime = currentRuntime(io.env);
    const output = await installSchedule({
      os,
      schedule: policy.schedule,
      target: {
        program: os === 'windows' && runtime.platform !== 'win32' ? ['C:\\Program Files\\public-kiosk\\public-kiosk.exe', '--kiosk-cli'] : scheduledProgram(runtime),
        kioskUser: stringOption(values, 'kiosk-user') ?? policy.install?.kioskUser ?? 'kiosk',
        ...(policyFile !== undefined ? { policyFile: path.resolve(policyFile) } : {}),
      },
      dryRun,
      systemdDir,
      autostart: values['no-autostart'] !== true,
      machineTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      now: new Date(),
      run: runProgram,
    });
    io.stdout.write(output);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof InstallError) throw new UsageError(`install-schedule: ${error.message}`);
    const code = (error as { code?: unknown }).code;
    if (code === 'EACCES' || code === 'EPERM') {
      io.stderr.write(`public-kiosk: install-schedule: ${(error as Error).message}: run it as root (sudo) or as an administrator\n`);
      return ExitCode.failed;
    }
    throw error;
  }
}

function chosenOs(requested: string | undefined, dryRun: boolean): ScheduleOs {
  const here = osOfPlatformOrUsage();
  if (requested === undefined) return here;
  if (requested !== 'windows' && requested !== 'linux') throw new UsageError(`--os must be windows or linux, not '${requested}'`);
  if (requested !== here && !dryRun) throw new UsageError(`--os ${requested} only previews (--dry-run): this machine runs ${here}`);
  return requested;
}

function osOfPlatformOrUsage(): ScheduleOs {
  try {
    return osOfPlatform(process.platform);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
