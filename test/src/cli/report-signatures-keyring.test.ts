import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLine, sealLine } from '../../../src/audit/chain';
import { cliEntry, runCli } from '../../support/cli';
import { makeKeyringHome, removeKeyringHome, runInSecretService, skipWithoutSecretService } from '../secrets/secret-service-session';
import { enrolAdmin } from './admin-fixture';
import { makeCliRoots, type CliRoots } from './wipe-fixtures';

// A fleet whose records come from real keyed wipes (the built CLI in a real Secret Service session,
// one keyring per kiosk, so one signing key each), forwarded as the department receives them, and
// checked with the department's keys.yaml. Slow: about 20 CLI runs, each in its own D-Bus session.
const skip = skipWithoutSecretService('report --keys against gnome-keyring');

interface Kiosk {
  roots: CliRoots;
  home: string;
  cli(args: string[], input?: string): { code: number | null; stdout: string; stderr: string };
  publicKey(): { publicKey: string; fingerprint: string; since: string };
}

const kiosks: Kiosk[] = [];
let base = '';

function kiosk(): Kiosk {
  const roots = makeCliRoots(0);
  const home = makeKeyringHome();
  const cli = (args: string[], input = '') => runInSecretService([process.execPath, cliEntry, ...args, ...roots.args], { home, input });
  const made: Kiosk = {
    roots,
    home,
    cli,
    publicKey() {
      const run = cli(['audit', 'public-key', '--json']);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { publicKey: string; fingerprint: string; since: string };
    },
  };
  kiosks.push(made);
  return made;
}

function shiftWipe(k: Kiosk): void {
  const run = k.cli(['wipe', '--reason', 'shift-end']);
  expect(run.code, run.stderr).toBe(0);
}

const keysYaml = (entries: Record<string, { publicKey: string; fingerprint: string; since: string }[]>) =>
  Object.entries(entries)
    .map(([name, keys]) =>
      [`${name}:`, ...keys.flatMap((k) => [`  - publicKey: |`, ...k.publicKey.trim().split('\n').map((l) => `      ${l}`), `    fingerprint: ${k.fingerprint}`, `    since: ${k.since}`])].join('\n'),
    )
    .join('\n');

/** Re-chains a log after an edit with the public chain function, as anyone holding a copy can. */
function editAndRechain(text: string, edit: (rec: Record<string, unknown>) => boolean): string {
  let prev = '';
  let edited = false;
  const forgerKey = Buffer.alloc(32, 7);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const opened = openLine(line);
      if (!opened.ok) throw new Error('unreadable line');
      const body = opened.body;
      if (!edited) edited = edit(body.rec as unknown as Record<string, unknown>);
      const sealed = sealLine({ ...body, prev: prev || body.prev }, forgerKey);
      prev = sealed.seal;
      return `${sealed.text}\n`;
    })
    .join('');
}

const today = new Date().toISOString().slice(0, 10);

function report(logs: string, keys?: string) {
  const args = ['report', '--logs', logs, '--from', today, '--to', today, '--format', 'json', '--policy', kiosks[0]!.roots.policyFile];
  const run = runCli([...args, ...(keys ? ['--keys', keys] : [])], { env: { PUBLIC_KIOSK_POLICY: '' } });
  expect(run.code, run.stderr).not.toBe(2);
  const parsed = JSON.parse(run.stdout) as {
    kiosks: { kioskId: string; log: { verified: boolean; problems: { kind: string; detail: string; line: number }[]; notes: string[]; signature?: { status: string; fingerprints: string[] } } }[];
  };
  return Object.fromEntries(parsed.kiosks.map((k) => [k.kioskId, k.log]));
}

beforeAll(() => {
  if (!skip) base = mkdtempSync(path.join(tmpdir(), 'pk-fleet-signed-'));
});
afterAll(() => {
  for (const k of kiosks) {
    k.roots.cleanup();
    removeKeyringHome(k.home);
  }
  if (base) rmSync(base, { recursive: true, force: true });
});

describe.skipIf(skip)('report --keys on a fleet signed by real keyed wipes', () => {
  it('verifies enrolled, rotated and replaced logs; refuses an edited re-chained log, an unenrolled key and a missing one', () => {
    const logs = path.join(base, 'logs');
    mkdirSync(logs);
    const [a, b, c, d, e] = [kiosk(), kiosk(), kiosk(), kiosk(), kiosk()] as [Kiosk, Kiosk, Kiosk, Kiosk, Kiosk];

    // kiosk-a: a shift wipe; forwarded over RELP with a resend (records 2 and 3 arrive twice).
    shiftWipe(a);
    const keyA = a.publicKey();
    const linesA = readFileSync(path.join(a.roots.state, 'audit.log'), 'utf8').split('\n').filter(Boolean);
    writeFileSync(path.join(logs, 'kiosk-a.log'), `${[...linesA, ...linesA.slice(1)].join('\n')}\n`);

    // kiosk-b: its shift wipe's result edited and every line re-chained.
    shiftWipe(b);
    const keyB = b.publicKey();
    const forged = editAndRechain(readFileSync(path.join(b.roots.state, 'audit.log'), 'utf8'), (rec) => {
      if (rec.type !== 'wipe') return false;
      rec.filesRemoved = 4242;
      return true;
    });
    writeFileSync(path.join(logs, 'kiosk-b.log'), forged);

    // kiosk-c: key rotated between two wipes; only the first key is enrolled.
    shiftWipe(c);
    const keyC = c.publicKey();
    expect(c.cli(['audit', 'rotate-key']).stdout).toMatch(/^Signing key rotated: [a-f0-9]{64} → [a-f0-9]{64}\.$/m);
    shiftWipe(c);
    copyFileSync(path.join(c.roots.state, 'audit.log'), path.join(logs, 'kiosk-c.log'));

    // kiosk-d: enrolled with another kiosk's key; its log is signed by its own.
    shiftWipe(d);
    copyFileSync(path.join(d.roots.state, 'audit.log'), path.join(logs, 'kiosk-d.log'));

    // kiosk-e: an admin starts a new log (a wrong password first: refused, nothing changed).
    shiftWipe(e);
    const keyE = e.publicKey();
    const answers = enrolAdmin(e.cli, e.home, e.roots.state);
    const before = readdirSync(e.roots.state).sort();
    const refused = e.cli(['audit', 'start-new-log'], `it.admin\nwrong-password\n`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Refused: not an admin id and password\. Nothing was changed\.$/m);
    expect(readdirSync(e.roots.state).sort()).toEqual(before);
    const started = e.cli(['audit', 'start-new-log'], answers('Disk replaced after damage'));
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toMatch(/^New audit log started by it\.admin \(set aside: audit\.log\.replaced-/);
    shiftWipe(e);
    const firstOfNew = JSON.parse(readFileSync(path.join(e.roots.state, 'audit.log'), 'utf8').split('\n')[0]!) as { rec: Record<string, unknown> };
    const oldLines = readFileSync(path.join(e.roots.state, readdirSync(e.roots.state).find((n) => n.startsWith('audit.log.replaced-'))!), 'utf8').split('\n').filter(Boolean);
    const oldLast = openLine(oldLines.at(-1)!);
    expect(firstOfNew.rec).toMatchObject({
      type: 'log-replaced', by: 'it.admin', otpChecked: true, reason: 'Disk replaced after damage', oldRecords: oldLines.length,
      oldLastSeq: oldLines.length, oldLastSeal: oldLast.ok ? oldLast.seal : 'x', fingerprint: keyE.fingerprint,
    });
    const verified = e.cli(['audit', 'verify']);
    expect(verified.stdout).toMatch(/^ {2}note: this log began by replacement \(audit start-new-log\) at .* by it\.admin, reason "Disk replaced after damage"; it replaced log [a-f0-9]{32} \(\d+ record\(s\), last \d+\)$/m);
    mkdirSync(path.join(logs, 'kiosk-e'));
    for (const name of readdirSync(e.roots.state).filter((n) => n.startsWith('audit.log'))) copyFileSync(path.join(e.roots.state, name), path.join(logs, 'kiosk-e', name));

    const keysFile = path.join(base, 'keys.yaml');
    writeFileSync(keysFile, `${keysYaml({ 'kiosk-a': [keyA], 'kiosk-b': [keyB], 'kiosk-c': [keyC], 'kiosk-d': [keyA], 'kiosk-e': [keyE] })}\n`);

    // Without keys: everything verifies by chain, the forged kiosk-b too (what the issue found).
    const byChain = report(logs);
    for (const id of ['kiosk-a', 'kiosk-b', 'kiosk-c', 'kiosk-d', 'kiosk-e']) expect(byChain[id], id).toMatchObject({ verified: true });
    expect(byChain['kiosk-b']!.signature).toBeUndefined();
    expect(byChain['kiosk-e']!.notes.join('\n')).toMatch(/audit\.log: line 1: this log began by replacement .* by it\.admin/);

    const signed = report(logs, keysFile);
    expect(signed['kiosk-a']).toMatchObject({ verified: true, problems: [], signature: { status: 'signed', fingerprints: [keyA.fingerprint] } });
    expect(signed['kiosk-b']).toMatchObject({ verified: false, signature: { status: 'not-verified' } });
    expect(signed['kiosk-b']!.problems).toContainEqual(expect.objectContaining({ kind: 'bad-signature' }));
    expect(signed['kiosk-c']).toMatchObject({ verified: true, signature: { status: 'signed' } });
    expect(signed['kiosk-c']!.signature!.fingerprints).toHaveLength(2);
    expect(signed['kiosk-d']).toMatchObject({ verified: false, signature: { status: 'not-verified' } });
    expect(signed['kiosk-d']!.problems).toContainEqual(expect.objectContaining({ kind: 'key-not-enrolled', line: 1 }));
    expect(signed['kiosk-e']).toMatchObject({ verified: true, signature: { status: 'signed' } });

    // The department's check of one file against one key.
    const pem = path.join(base, 'kiosk-c.pem');
    writeFileSync(pem, keyC.publicKey);
    const one = runCli(['audit', 'verify', '--log', path.join(logs, 'kiosk-c.log'), '--public-key', pem]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^Log .*kiosk-c\.log verified; \d+ record\(s\), sealing keyed, signatures signed \(key [a-f0-9]{16} → [a-f0-9]{16}\)\.$/m);
    const wrongKey = runCli(['audit', 'verify', '--log', path.join(logs, 'kiosk-d.log'), '--public-key', pem]);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stdout).toMatch(/kiosk-d\.log:1: key-not-enrolled: record 1 names key [a-f0-9]{16}, which is not enrolled/);
  }, 600_000);
});
