import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionCanaries, loadCanaries, rememberCanaries, forgetCanaries } from '../../../src/wipe/canaries';
import { scanForCanaries } from '../../../src/wipe/canary-scan';
import { makeRoots, plant, type TempRoots } from './helpers';

let roots: TempRoots;
afterEach(() => roots?.cleanup());

describe('scanForCanaries', () => {
  it('finds a canary in UTF-8 and in UTF-16LE, also across a 1 MiB chunk boundary, and nothing else', async () => {
    roots = makeRoots(0);
    const { localStorage: a, sessionStorage: b, indexedDB: c } = createSessionCanaries('s1');
    const chunk = 1024 * 1024;
    const straddling = Buffer.concat([Buffer.alloc(chunk - 10, 0x20), Buffer.from(c, 'utf16le'), Buffer.alloc(100, 0x20)]);
    plant(roots.sessionData, {
      'utf8.log': `..${a}..`,
      'utf16.log': Buffer.from(`..${b}..`, 'utf16le'),
      'big/straddle.bin': straddling,
      'clean.log': 'nothing here',
    });
    const scan = await scanForCanaries(roots.sessionData, [a, b, c]);
    expect(scan).toMatchObject({ filesScanned: 4, filesWithHits: 3, unreadable: [] });
    expect((await scanForCanaries(roots.sessionData, [createSessionCanaries('s2').cookie])).filesWithHits).toBe(0);
  });

  it('does not follow a link out of the root', async () => {
    roots = makeRoots(0);
    const { download } = createSessionCanaries('s1');
    plant(roots.downloads, { 'outside.txt': download });
    symlinkSync(roots.downloads, path.join(roots.sessionData, 'link'));
    expect((await scanForCanaries(roots.sessionData, [download])).filesWithHits).toBe(0);
  });
});

describe('canaries in the state root', () => {
  it('are remembered per session, loaded, set aside when damaged, and forgotten', async () => {
    roots = makeRoots(0);
    const one = createSessionCanaries('persist:citizen-1');
    await rememberCanaries(roots.state, one);
    await rememberCanaries(roots.state, createSessionCanaries('citizen-2'));
    writeFileSync(path.join(roots.state, 'canaries', 'broken.json'), '{');
    const all = await loadCanaries(roots.state);
    expect(all.sessions.map((c) => c.sessionId).sort()).toEqual(['citizen-1', 'citizen-2']);
    expect(all.unreadable).toBe(1);
    expect((await loadCanaries(roots.state)).unreadable).toBe(0);
    expect((await loadCanaries(roots.state, 'citizen-1')).sessions).toEqual([one]);
    await forgetCanaries(roots.state, ['citizen-1', 'citizen-2']);
    expect((await loadCanaries(roots.state)).sessions).toEqual([]);
  });
});
