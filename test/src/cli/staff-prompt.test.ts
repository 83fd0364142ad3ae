import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/command';
import { createPrompter, readNewSecret } from '../../../src/cli/commands/staff-prompt';

function fakeTerminal() {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[], setRawMode(raw: boolean) {
    this.rawModes.push(raw);
    return this;
  } });
  let shown = '';
  const io: CliIo = { stdin, stdout: { write: () => true }, stderr: { write: (text: string) => (shown += text) }, env: {} };
  return { stdin, io, shown: () => shown };
}

describe('staff prompts on a terminal', () => {
  it('keeps a pasted second line for the repeat prompt, strips arrow keys, and restores the terminal', async () => {
    const terminal = fakeTerminal();
    const prompter = createPrompter(terminal.io);
    const secret = readNewSecret(prompter, 'password');
    terminal.stdin.write('Tr0ng-\u001b[DDong-77\rTr0ng-Dong-77\r\n');
    expect(await secret).toBe('Tr0ng-Dong-77');
    prompter.close();
    expect(terminal.stdin.rawModes).toEqual([true, false]);
    expect(terminal.shown()).toBe('New password: \nRepeat the new password: \n');
  });

  it('echoes a visible answer and erases on Backspace', async () => {
    const terminal = fakeTerminal();
    const prompter = createPrompter(terminal.io);
    const code = prompter.visible('Code: ');
    terminal.stdin.write('1234567\u007f\r');
    expect(await code).toBe('123456');
    prompter.close();
    expect(terminal.shown()).toBe('Code: 1234567\b \b\n');
  });

  it('reads two lines (CRLF too) when stdin is not a terminal', async () => {
    const stdin = new PassThrough();
    const io: CliIo = { stdin, stdout: { write: () => true }, stderr: { write: () => true }, env: {} };
    const prompter = createPrompter(io);
    stdin.end('Mật-khẩu-Đẹp-1\r\nMật-khẩu-Đẹp-1\r\n');
    expect(await readNewSecret(prompter, 'password')).toBe('Mật-khẩu-Đẹp-1');
    prompter.close();
  });
});
