import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, streamLines } from '../../../src/report/line-stream';

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
const file = (content: string | Buffer) => {
  dir = mkdtempSync(path.join(tmpdir(), 'pk-lines-'));
  const name = path.join(dir, 'log');
  writeFileSync(name, content);
  return name;
};

async function collect(name: string) {
  const lines: string[] = [];
  const rest = await streamLines(name, (line) => lines.push(line));
  return { lines, rest };
}

describe('streamLines (a log read without holding it whole)', () => {
  it('gives the same lines as splitting the whole text, across read chunks and split UTF-8 characters', async () => {
    // Vietnamese text (2- and 3-byte characters) over several 4 MiB reads, so boundaries fall inside characters and lines.
    const lines = Array.from({ length: 90_000 }, (_, i) => `{"n":${i},"tên":"Nguyễn Thị Ánh ${'ệ'.repeat(i % 97)}"}`);
    const text = `${lines.join('\n')}\ntorn tail`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(12 << 20); // three 4 MiB reads and more
    const read = await collect(file(text));
    expect(read.lines).toEqual(lines);
    expect(read.rest).toBe('torn tail');
  });

  it('ends with an empty rest when the file ends with a newline, and reads an empty file as nothing', async () => {
    expect(await collect(file('a\n\nb\n'))).toEqual({ lines: ['a', '', 'b'], rest: '' });
    expect(await collect(file(''))).toEqual({ lines: [], rest: '' });
  });

  it('does not keep a line longer than any record: it arrives as one unreadable line and the next line is intact', async () => {
    const huge = 'x'.repeat(MAX_LINE_BYTES * 3);
    const read = await collect(file(`first\n${huge}\nafter\n`));
    expect(read.lines).toHaveLength(3);
    expect(read.lines[0]).toBe('first');
    expect(read.lines[1]!.length).toBeLessThan(100);
    expect(read.lines[1]).not.toContain('x');
    expect(read.lines[2]).toBe('after');
  });

  it('rejects a file it cannot read', async () => {
    await expect(streamLines(path.join(tmpdir(), 'no-such-dir-pk', 'log'), () => undefined)).rejects.toThrow(/ENOENT/);
  });
});
