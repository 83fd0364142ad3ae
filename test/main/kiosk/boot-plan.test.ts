import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planBoot, policyArgument } from '../../../main/kiosk/boot-plan';

let dir: string;
const file = (name: string) => path.join(dir, name);
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-boot-'));
  const paths = (root: string) => `paths:\n  sessionData: ${root}/session-data\n  downloads: ${root}/downloads\n  state: ${root}/state\n`;
  await writeFile(file('good.yaml'), paths(dir));
  await writeFile(file('typo.yaml'), `${paths(dir)}sites:\n  mdoe: blocklist\n`);
  await writeFile(file('unset-var.yaml'), paths('${PK_TEST_UNSET_ROOT}'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('policyArgument', () => {
  it.each([
    [['exe', '.', '--policy', '/p.yaml'], '/p.yaml'],
    [['exe', '--policy=/p.yaml', '--dev'], '/p.yaml'],
    [['exe', '.'], undefined],
  ])('%j → %s', (argv, expected) => expect(policyArgument(argv)).toBe(expected));
});

describe('planBoot', () => {
  it('loads the bundled policy with the given file on top and resolves its data roots', () => {
    const plan = planBoot(['exe', '.', '--policy', file('good.yaml'), '--dev'], {}, 'linux');
    expect(plan.problems).toEqual([]);
    expect(plan.mode).toEqual({ dev: true });
    expect(plan.policy?.sites.allow.some((r) => r.host === 'dichvucong.gov.vn')).toBe(true);
    expect(plan.roots).toMatchObject({ sessionData: path.join(dir, 'session-data'), downloads: path.join(dir, 'downloads'), state: path.join(dir, 'state') });
  });

  it('a mistake in the policy leaves no policy, and says where the mistake is', () => {
    const plan = planBoot(['exe', '.', `--policy=${file('typo.yaml')}`], {}, 'linux');
    expect(plan.policy).toBeNull();
    expect(plan.roots).toBeNull();
    expect(plan.problems.join('\n')).toContain(`${file('typo.yaml')}:`);
    expect(plan.problems.join('\n')).toContain('mdoe');
  });

  it('a data root that cannot be resolved leaves no policy', () => {
    const plan = planBoot(['exe', '.', '--policy', file('unset-var.yaml')], {}, 'linux');
    expect(plan.policy).toBeNull();
    expect(plan.problems.join('\n')).toMatch(/PK_TEST_UNSET_ROOT/);
  });

  it('a missing policy file is a problem, not a fallback', () => {
    const plan = planBoot(['exe', '.', '--policy', file('absent.yaml')], {}, 'linux');
    expect(plan.policy).toBeNull();
    expect(plan.problems.join('\n')).toMatch(/does not exist/);
  });
});

describe('the development policy of npm start / npm run dev', () => {
  it('is the bundled policy with the data roots under PUBLIC_KIOSK_DEV_DATA', () => {
    const plan = planBoot(['electron', '/repo', '--policy', path.resolve('scripts/dev-policy.yaml'), '--dev'], { PUBLIC_KIOSK_DEV_DATA: dir }, 'linux');
    expect(plan.problems).toEqual([]);
    expect(plan.mode.dev).toBe(true);
    expect(plan.roots).toMatchObject({ sessionData: `${dir}/session-data`, downloads: `${dir}/downloads`, state: `${dir}/state` });
    expect(plan.policy?.services.length).toBeGreaterThan(0);
  });

  it('refuses to start with it when PUBLIC_KIOSK_DEV_DATA is not set', () => {
    const plan = planBoot(['electron', '/repo', '--policy', path.resolve('scripts/dev-policy.yaml')], {}, 'linux');
    expect(plan.policy).toBeNull();
    expect(plan.problems.join('\n')).toMatch(/PUBLIC_KIOSK_DEV_DATA/);
  });
});
