import path from 'node:path';
import { stringOption, type Command, type CommandContext } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { policyForCli } from '../policy-for-cli';
import { applyDataFolderPlan, dataFolderPlan, describeDataFolderPlan } from '../../install/data-folders';
import { InstallError } from '../../install/install-target';
import { runProgram } from '../../install/run-program';
import { defaultMachinePolicyFile } from '../../policy/load';

export const installFoldersCommand: Command = {
  words: ['install-folders'],
  summary: 'Windows: create C:\\ProgramData\\public-kiosk and its data folders with their rights (the installers run it).',
  usage: 'install-folders [--dry-run] [--kiosk-user NAME]',
  options: {
    'dry-run': { type: 'boolean' },
    'kiosk-user': { type: 'string' },
  },
  optionHelp: {
    'dry-run': 'Print the folders and the icacls calls; change nothing (any OS).',
    'kiosk-user': "The account the kiosk runs as (default: the machine policy's install.kioskUser, else kiosk).",
  },
  details: [
    'Owner Administrators for the folder and everything already in it, inherited rights reset, then: SYSTEM',
    'and Administrators full control; users read the root (policy.yaml); only the kiosk account changes',
    'session-data, downloads and state. Every icacls call must succeed, or it stops with exit 1 (an',
    'installer then rolls back). Needs an administrator.',
  ].join('\n'),
  run: runInstallFolders,
};

async function runInstallFolders(context: CommandContext): Promise<number> {
  const { values, io } = context;
  if (context.positionals.length > 0) throw new UsageError(`install-folders takes no arguments, got '${context.positionals[0]}'`);
  const dryRun = values['dry-run'] === true;
  if (process.platform !== 'win32' && !dryRun) throw new UsageError('install-folders prepares the Windows folders (use --dry-run to preview them here); the Linux packages prepare /var/lib/public-kiosk');
  const kioskUser = stringOption(values, 'kiosk-user') ?? policyForCli({}, io).policy.install?.kioskUser ?? 'kiosk';
  const windowsDir = io.env.SystemRoot || 'C:\\Windows';
  try {
    const plan = dataFolderPlan(path.win32.dirname(defaultMachinePolicyFile('win32', io.env)), kioskUser, path.win32.join(windowsDir, 'System32', 'icacls.exe'));
    io.stdout.write(dryRun ? describeDataFolderPlan(plan) : await applyDataFolderPlan(plan, runProgram));
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof InstallError) throw new UsageError(`install-folders: ${error.message}`);
    io.stderr.write(`public-kiosk: install-folders: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.failed;
  }
}
