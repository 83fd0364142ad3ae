import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, readSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRegularFileSync, readRegularTextIfExists } from '../../../src/state/regular-file';

const dir = mkdtempSync(path.join(tmpdir(), 'pk-regular-'));
const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
  rmSync(dir, { recursive: true, force: true });
});

function codeOf(action: () => unknown): unknown {
  try {
    action();
    return 'opened';
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
}

describe.skipIf(process.platform === 'win32')('opening only regular files, never blocking, never following', () => {
  const file = path.join(dir, 'file.txt');
  writeFileSync(file, 'inhalt');
  const fifo = path.join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  const link = path.join(dir, 'link');
  symlinkSync(file, link);

  it('reads a regular file', async () => {
    const fd = openRegularFileSync(file);
    const buffer = Buffer.alloc(16);
    expect(buffer.subarray(0, readSync(fd, buffer)).toString()).toBe('inhalt');
    closeSync(fd);
    expect(await readRegularTextIfExists(file)).toBe('inhalt');
    expect(await readRegularTextIfExists(path.join(dir, 'missing'))).toBeNull();
  });

  it('a FIFO with no writer: refused at once (a plain open would wait for ever)', async () => {
    expect(codeOf(() => openRegularFileSync(fifo))).toBe('EFTYPE');
    await expect(readRegularTextIfExists(fifo)).rejects.toMatchObject({ code: 'EFTYPE' });
  });

  it('a link is not followed, even to a regular file', async () => {
    expect(codeOf(() => openRegularFileSync(link))).toBe('ELOOP');
    await expect(readRegularTextIfExists(link)).rejects.toMatchObject({ code: 'ELOOP' });
  });

  it('a socket and a folder are refused', async () => {
    const socket = path.join(dir, 'sock');
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    expect(codeOf(() => openRegularFileSync(socket))).toMatch(/^(ENXIO|EFTYPE)$/);
    expect(codeOf(() => openRegularFileSync(dir))).toBe('EFTYPE');
  });
});
