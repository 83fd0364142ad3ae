import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { checkedUserName } from './install-target';
import type { ProgramRunner } from './run-program';
import { windowsQuote } from './windows-tasks';

// The Windows data folders and their rights, set by both installers (the MSI's PrepareDataFolders
// action and the NSIS include run `install-folders` as an administrator / LocalSystem). The machine
// policy lives in the root: a non-admin who created the folder or a file in it before the install
// must lose every right to it, so owner and ACLs of the existing tree are reset first (/T).

const SYSTEM = '*S-1-5-18';
const ADMINISTRATORS = '*S-1-5-32-544';
const USERS = '*S-1-5-32-545';
export const DATA_FOLDERS = ['session-data', 'downloads', 'state'] as const;

export interface FolderCommand {
  program: string;
  args: string[];
}

export interface DataFolderPlan {
  root: string;
  account: string;
  folders: string[];
  commands: FolderCommand[];
}

/** What to create and the icacls calls, in order; every call must succeed. */
export function dataFolderPlan(root: string, kioskUser: string, icacls: string): DataFolderPlan {
  const account = checkedUserName(kioskUser);
  const folders = DATA_FOLDERS.map((name) => path.win32.join(root, name));
  const admin = [`${SYSTEM}:(OI)(CI)F`, `${ADMINISTRATORS}:(OI)(CI)F`];
  const run = (args: string[]): FolderCommand => ({ program: icacls, args: [...args, '/Q'] });
  return {
    root,
    account,
    folders: [root, ...folders],
    commands: [
      // Owner Administrators for the folder and everything already in it (a planted policy.yaml).
      run([root, '/setowner', ADMINISTRATORS, '/T']),
      // Every existing child back to inherited rights only: explicit grants a non-admin set are gone.
      run([root, '/reset', '/T']),
      // The root (policy.yaml): administrators and SYSTEM change it, users (the kiosk account too) read it.
      run([root, '/inheritance:r', '/grant:r', ...admin, `${USERS}:(OI)(CI)RX`]),
      // The data roots: the kiosk account changes them, no other user reads a citizen's data.
      ...folders.map((folder) => run([folder, '/inheritance:r', '/grant:r', ...admin, `${account}:(OI)(CI)M`])),
    ],
  };
}

export function describeDataFolderPlan(plan: DataFolderPlan): string {
  return [
    'Would create:',
    ...plan.folders.map((f) => `  ${f}`),
    'Would run (each must succeed):',
    ...plan.commands.map((c) => `  ${[c.program, ...c.args].map(windowsQuote).join(' ')}`),
    '',
  ].join('\n');
}

/** Creates the folders and runs each icacls call; the first failure stops it with icacls' own words. */
export async function applyDataFolderPlan(plan: DataFolderPlan, run: ProgramRunner): Promise<string> {
  for (const folder of plan.folders) await mkdir(folder, { recursive: true });
  for (const command of plan.commands) {
    const result = await run(command.program, command.args);
    if (result.code !== 0) {
      const shown = [command.program, ...command.args].map(windowsQuote).join(' ');
      throw new Error(`${shown} failed (exit ${result.code})${result.output ? `: ${result.output}` : ''}`);
    }
  }
  return `prepared ${plan.root} (${DATA_FOLDERS.join(', ')}) for the kiosk account ${plan.account}\n`;
}
