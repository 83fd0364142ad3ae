import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runOrThrow, type ProgramRunner } from './run-program';
import { START_TASK, WIPE_TASK, windowsQuote, type WindowsTask } from './windows-tasks';

export interface WindowsPlan {
  tasks: WindowsTask[];
}

const createArgs = (task: WindowsTask, file: string): string[] => ['/Create', '/TN', task.name, '/XML', file, '/F'];
const deleteArgs = (name: string): string[] => ['/Delete', '/TN', name, '/F'];

function unwanted(plan: WindowsPlan): string[] {
  return [WIPE_TASK, START_TASK].filter((name) => !plan.tasks.some((task) => task.name === name));
}

export function describeWindowsPlan(plan: WindowsPlan): string {
  const blocks = plan.tasks.map((task) => `--- task ${task.name}\n${task.xml.replace(/\r\n/g, '\n')}`);
  const commands = [
    ...plan.tasks.map((task) => `schtasks ${createArgs(task, `<${task.name.split('\\').pop()}.xml>`).map(windowsQuote).join(' ')}`),
    ...unwanted(plan).map((name) => `schtasks ${deleteArgs(name).map(windowsQuote).join(' ')}   (if present)`),
  ];
  return [`Would register ${plan.tasks.length} scheduled tasks:`, ...blocks, 'Would run:', ...commands.map((c) => `  ${c}`), ''].join('\n');
}

/**
 * Registers each task from its XML (UTF-16 with BOM, as the XML declares); /F replaces a task of the
 * same name, so running it again is safe. A task the plan no longer wants (autostart turned off)
 * is deleted.
 */
export async function applyWindowsPlan(plan: WindowsPlan, run: ProgramRunner): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'public-kiosk-tasks-'));
  const report: string[] = [];
  try {
    for (const [index, task] of plan.tasks.entries()) {
      const file = path.join(dir, `task-${index}.xml`);
      await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(task.xml, 'utf16le')]));
      await runOrThrow(run, 'schtasks', createArgs(task, file));
      report.push(`registered ${task.name}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  report.push(...(await deleteTasks(unwanted(plan), run)));
  return report;
}

export function removeWindowsSchedule(run: ProgramRunner): Promise<string[]> {
  return deleteTasks([WIPE_TASK, START_TASK], run);
}

async function deleteTasks(names: string[], run: ProgramRunner): Promise<string[]> {
  const report: string[] = [];
  for (const name of names) {
    const exists = (await run('schtasks', ['/Query', '/TN', name])).code === 0;
    if (!exists) continue;
    await runOrThrow(run, 'schtasks', deleteArgs(name));
    report.push(`deleted ${name}`);
  }
  return report;
}
