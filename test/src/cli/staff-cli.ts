import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type CliResult } from '../../support/cli';

/** A temp state root and a machine-policy layer for driving `public-kiosk staff …` as a real process. */
export interface StaffCliFixture {
  dir: string;
  stateRoot: string;
  policyFile: string;
  /** Runs `public-kiosk staff <args> --state … --policy …` with `input` on stdin. */
  staff(args: string[], input?: string): CliResult;
  auditLog(): string;
  accountsFile(): string;
  cleanup(): void;
}

export function staffCliFixture(policyYaml: string[] = []): StaffCliFixture {
  const dir = mkdtempSync(path.join(tmpdir(), 'pk-staff-cli-'));
  const stateRoot = path.join(dir, 'state');
  const policyFile = path.join(dir, 'policy.yaml');
  writeFileSync(policyFile, `${['version: 1', ...policyYaml].join('\n')}\n`);
  // No D-Bus session: the OS store is unavailable, as on a machine without a keyring.
  const env = { DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(dir, 'no-bus')}` };
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  return {
    dir,
    stateRoot,
    policyFile,
    staff: (args, input = '') => runCli(['staff', ...args, '--state', stateRoot, '--policy', policyFile], { input, env }),
    auditLog: () => read(path.join(stateRoot, 'audit.log')),
    accountsFile: () => read(path.join(stateRoot, 'staff', 'accounts.json')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The same secret twice, as a script answers the two prompts. */
export function twice(secret: string): string {
  return `${secret}\n${secret}\n`;
}

/** One step of a conversation: when the output so far matches `when`, type `answer` (may use the match). */
export interface Step {
  when: RegExp;
  answer: string | ((match: RegExpMatchArray) => string);
}

export interface Conversation {
  code: number | null;
  /** stdout and stderr as the person saw them, in order. */
  output: string;
}

/**
 * Runs a program and answers its prompts as they appear (an event per output chunk, no sleeps).
 * Each answer is written only after its prompt, as a person would type it.
 */
export function converse(command: string, args: string[], steps: Step[], env: Record<string, string | undefined>): Promise<Conversation> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a hung conversation is ended with everything it started.
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let output = '';
    let answered = 0;
    const timer = setTimeout(() => {
      output += `\n[converse: no exit within 20 s; killed; steps left: ${steps.map((s) => String(s.when)).join(', ')}]`;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, 20_000);
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      for (let step = steps[0]; step; step = steps[0]) {
        const match = output.slice(answered).match(step.when);
        if (!match) return;
        steps.shift();
        answered += (match.index ?? 0) + match[0].length;
        child.stdin.write(typeof step.answer === 'string' ? step.answer : step.answer(match));
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      child.stdin.end();
      resolve({ code, output });
    });
  });
}
