import { createInterface } from 'node:readline';
import type { CliIo } from '../command';
import { UsageError } from '../exit-codes';

/** Reads answers from the person at the terminal, or line by line from a script's stdin. */
export interface Prompter {
  /** A value typed without echo. */
  hidden(prompt: string): Promise<string>;
  /** A value typed with echo (an OTP code). */
  visible(prompt: string): Promise<string>;
  close(): void;
}

/** Arrow keys and other terminal escape sequences are not part of a secret. */
const escapeSequence = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z~]`, 'g');

type RawInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

export function createPrompter(io: CliIo): Prompter {
  const stdin = io.stdin as RawInput;
  return stdin.isTTY === true && typeof stdin.setRawMode === 'function' ? terminalPrompter(stdin, io) : linePrompter(io);
}

/**
 * A new secret, typed twice. Refused when the two differ or it is empty; nothing is stored then.
 * Prompts go to stderr so stdout carries only results.
 */
export async function readNewSecret(prompter: Prompter, what: string): Promise<string> {
  const first = await prompter.hidden(`New ${what}: `);
  const second = await prompter.hidden(`Repeat the new ${what}: `);
  if (first.length === 0) throw new UsageError(`the ${what} is empty; nothing was stored`);
  if (first !== second) throw new UsageError(`the two ${what} entries differ; nothing was stored`);
  return first;
}

/** stdin is not a terminal (a script, a pipe): one answer per line, prompts still on stderr. */
function linePrompter(io: CliIo): Prompter {
  const reader = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  const next = async (prompt: string): Promise<string> => {
    io.stderr.write(prompt);
    const line = await lines.next();
    io.stderr.write('\n');
    if (line.done === true) throw new UsageError('stdin ended before every answer was given; nothing was stored');
    return String(line.value).replace(/\r$/, '');
  };
  // Stop reading: a caller that keeps its end of the pipe open must not keep this process alive.
  const close = () => {
    reader.close();
    io.stdin.pause();
  };
  return { hidden: next, visible: next, close };
}

/**
 * Raw mode so the terminal itself does not echo: each key is handled here (Enter ends, Backspace
 * erases, Ctrl-C or Ctrl-D cancels). Raw mode stays on from the first prompt until close(), so an
 * answer typed quickly between two prompts is not echoed either; a paste of two lines is kept.
 */
function terminalPrompter(stdin: RawInput, io: CliIo): Prompter {
  let pending = '';
  let raw = false;
  stdin.setEncoding('utf8');
  const read = (prompt: string, echo: boolean) =>
    new Promise<string>((resolve, reject) => {
      if (!raw) stdin.setRawMode?.(true);
      raw = true;
      io.stderr.write(prompt);
      let value = '';
      const finish = (result: () => void) => {
        stdin.off('data', onData);
        stdin.pause();
        io.stderr.write('\n');
        result();
      };
      const onData = (chunk: string | Buffer) => {
        const text = pending + String(chunk).replace(escapeSequence, '');
        pending = '';
        for (let i = 0; i < text.length; i += 1) {
          const char = text.charAt(i);
          if (char === '\r' || char === '\n') {
            pending = text.slice(i + (char === '\r' && text.charAt(i + 1) === '\n' ? 2 : 1));
            return finish(() => resolve(value));
          }
          if (char === '\u0003' || char === '\u0004') return finish(() => reject(new UsageError('cancelled; nothing was stored')));
          if (char === '\u007f' || char === '\b') {
            if (value.length > 0 && echo) io.stderr.write('\b \b');
            value = Array.from(value).slice(0, -1).join('');
          } else if (char >= ' ') {
            value += char;
            if (echo) io.stderr.write(char);
          }
        }
      };
      stdin.on('data', onData);
      stdin.resume();
      if (pending.length > 0) onData('');
    });
  const close = () => {
    if (raw) stdin.setRawMode?.(false);
    raw = false;
    stdin.pause();
  };
  return { hidden: (prompt) => read(prompt, false), visible: (prompt) => read(prompt, true), close };
}
