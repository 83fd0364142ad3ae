import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import { lastAppliedCopy } from '../../../src/policy-pickup/last-applied';
import { runCli } from '../../support/cli';
import { makeCliRoots, plant, type CliRoots } from './wipe-fixtures';

// The kiosk's start-up wipe after a relaunch onto the last-applied copy: the built CLI, a real
// process, real files. (A development checkout's CLI: its --policy FILE plays the machine file's
// part in naming the state root; the packaged `wipe` refuses --policy, src/cli/packaged-launch.ts.)
let roots: CliRoots;
afterEach(() => roots?.cleanup());
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The copy as the kiosk keeps it (the roots' own paths, one more setting), with its applied record. */
async function appliedCopy(r: CliRoots, recorded = true): Promise<string> {
  const copy = `paths:\n  state: ${JSON.stringify(r.state)}\nsession:\n  idleTimeoutSeconds: 600\n`;
  writeFileSync(lastAppliedCopy(r.state), copy);
  if (recorded) await openAuditLog(r.state, null).append({ type: 'policy', at: new Date().toISOString(), event: 'applied', hash: sha(copy) });
  return copy;
}

describe('public-kiosk wipe --last-applied-policy=HASH (real process)', () => {
  it('runs on the copy the state root vouches for, and wipes', async () => {
    roots = makeCliRoots();
    const copy = await appliedCopy(roots);
    plant(roots.sessionData, { 'Default/Cookies': 'x' });
    const result = runCli(['wipe', '--reason', 'shift-end', ...roots.args, `--last-applied-policy=${sha(copy)}`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(roots.sessionData)).toEqual([]);
  });

  it.each([
    ['a copy edited after it was applied', async (r: CliRoots) => sha(`${await appliedCopy(r)}#`), 'is not the policy asked for'],
    ['a copy with no applied record (written into the state root by hand)', async (r: CliRoots) => sha(await appliedCopy(r, false)), 'not the last applied policy'],
    ['not a hash', async () => '../../forged/copy.yaml', "needs the copy's sha256"],
  ])('%s: exit 2, nothing wiped', async (_what, hashFor, message) => {
    roots = makeCliRoots();
    const hash = await hashFor(roots);
    plant(roots.sessionData, { 'Default/Cookies': 'x' });
    const result = runCli(['wipe', '--reason', 'shift-end', ...roots.args, `--last-applied-policy=${hash}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(readdirSync(roots.sessionData)).toEqual(['Default']);
  });
});
