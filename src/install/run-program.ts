import { execFile } from 'node:child_process';

export interface ProgramResult {
  code: number;
  output: string;
}

/** Runs an OS tool (systemctl, schtasks, id); injected so tests never touch the real system. */
export type ProgramRunner = (program: string, args: string[]) => Promise<ProgramResult>;

export const runProgram: ProgramRunner = (program, args) =>
  new Promise((resolve) => {
    execFile(program, args, { encoding: 'utf8', windowsHide: true, timeout: 60_000 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`.trim();
      if (error && typeof error.code !== 'number') {
        resolve({ code: 127, output: `${program}: ${error.message}` });
        return;
      }
      resolve({ code: error ? Number(error.code) : 0, output });
    });
  });

/** Runs and throws with the tool's own words when it fails. */
export async function runOrThrow(run: ProgramRunner, program: string, args: string[]): Promise<string> {
  const result = await run(program, args);
  if (result.code !== 0) {
    throw new Error(`${[program, ...args].join(' ')} failed (exit ${result.code})${result.output ? `: ${result.output}` : ''}`);
  }
  return result.output;
}
