import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeMetricsTextfile } from '../../../src/metrics/textfile';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const busy = () => Object.assign(new Error('EBUSY: resource busy or locked, rename'), { code: 'EBUSY' });

describe('writeMetricsTextfile', () => {
  it('replaces public_kiosk.prom whole, readable by the exporter, leaving no temporary file', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pk-prom-'));
    await writeMetricsTextfile(dir, 'a 1\n');
    const file = await writeMetricsTextfile(dir, 'a 2\n');
    expect(file).toBe(path.join(dir, 'public_kiosk.prom'));
    expect(readFileSync(file, 'utf8')).toBe('a 2\n');
    expect(readdirSync(dir)).toEqual(['public_kiosk.prom']);
    expect(statSync(file).mode & 0o044).toBe(0o044);
  });

  it('on Windows retries a rename the exporter blocks for a moment (EBUSY), then succeeds', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pk-prom-'));
    const attempts: number[] = [];
    const sleeps: number[] = [];
    await writeMetricsTextfile(dir, 'x 1\n', {
      platform: 'win32',
      sleep: async (ms) => void sleeps.push(ms),
      write: async () => {
        attempts.push(attempts.length + 1);
        if (attempts.length < 3) throw busy();
      },
    });
    expect(attempts).toEqual([1, 2, 3]);
    expect(sleeps).toEqual([50, 100]);
  });

  it('gives up after the last attempt, and never retries elsewhere or on other errors', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pk-prom-'));
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw busy();
    };
    await expect(writeMetricsTextfile(dir, 'x', { platform: 'win32', attempts: 4, sleep: async () => undefined, write: failing })).rejects.toThrow(/EBUSY/);
    expect(calls).toBe(4);
    calls = 0;
    await expect(writeMetricsTextfile(dir, 'x', { platform: 'linux', write: failing })).rejects.toThrow(/EBUSY/);
    expect(calls).toBe(1);
    await expect(writeMetricsTextfile(path.join(dir, 'missing'), 'x')).rejects.toThrow(/ENOENT/);
  });
});
