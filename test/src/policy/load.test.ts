import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledPolicyFile, defaultMachinePolicyFile, formatPolicyIssue, loadPolicy, type PolicyLoadResult } from '../../../src/policy/load';
import { escapeRegExp, policyDir } from './fixtures';

const files = policyDir();
afterAll(() => files.cleanup());

const bundled = files.write('bundled.yaml', readFileSync(bundledPolicyFile(), 'utf8'));
const base = { bundledFile: bundled, machineFile: null, env: {}, platform: 'linux' as const };

function ok(result: PolicyLoadResult) {
  if (!result.ok) throw new Error(result.errors.map(formatPolicyIssue).join('\n'));
  return result;
}
function errors(result: PolicyLoadResult) {
  if (result.ok) throw new Error('expected the policy to be rejected');
  return result.errors;
}

describe('precedence: built-in < bundled < machine < PUBLIC_KIOSK_POLICY < --policy', () => {
  const machine = files.write('machine.yaml', 'session:\n  idleTimeoutSeconds: 300\nui:\n  language: en\n');
  const fromEnv = files.write('env.yaml', 'session:\n  idleTimeoutSeconds: 400\n');
  const fromFlag = files.write('flag.yaml', 'session:\n  idleTimeoutSeconds: 500\n');
  const withoutStaff = files.write('no-staff.yaml', readFileSync(bundled, 'utf8').replace(/^staff:[\s\S]*$/m, ''));

  it('uses the built-in defaults for what the bundled file leaves out', () => {
    const result = ok(loadPolicy({ ...base, bundledFile: withoutStaff }));
    expect(result.policy.staff.password.minLength).toBe(12);
    expect(result.policy.staff.idleSignOutSeconds).toBe(120);
    expect(result.sources).toEqual(['<built-in defaults>', withoutStaff]);
  });

  it('bundled default.yaml overrides the built-in defaults', () => {
    // built-in warningSeconds is 60, the bundled file says 120
    expect(ok(loadPolicy(base)).policy.schedule.warningSeconds).toBe(120);
  });

  it('the machine file overrides the bundled file, key by key', () => {
    const result = ok(loadPolicy({ ...base, machineFile: machine }));
    expect(result.policy.session).toEqual({ idleTimeoutSeconds: 300, idleWarningSeconds: 30 });
    expect(result.policy.ui).toEqual({ language: 'en', languages: ['vi', 'en'] });
    expect(result.sources).toEqual(['<built-in defaults>', bundled, machine]);
  });

  it('PUBLIC_KIOSK_POLICY overrides the machine file', () => {
    const result = ok(loadPolicy({ ...base, machineFile: machine, env: { PUBLIC_KIOSK_POLICY: fromEnv } }));
    expect(result.policy.session.idleTimeoutSeconds).toBe(400);
    expect(result.policy.ui.language).toBe('en');
    expect(result.sources.at(-1)).toBe(fromEnv);
  });

  it('--policy wins over PUBLIC_KIOSK_POLICY, which is then not read at all', () => {
    const result = ok(loadPolicy({ ...base, machineFile: machine, env: { PUBLIC_KIOSK_POLICY: fromEnv }, explicitFile: fromFlag }));
    expect(result.policy.session.idleTimeoutSeconds).toBe(500);
    expect(result.sources).toEqual(['<built-in defaults>', bundled, machine, fromFlag]);
  });

  it('an empty PUBLIC_KIOSK_POLICY counts as unset', () => {
    expect(ok(loadPolicy({ ...base, env: { PUBLIC_KIOSK_POLICY: '' } })).sources).toEqual(['<built-in defaults>', bundled]);
  });

  it('lists replace the lower layer whole: a machine allowlist is the whole allowlist', () => {
    const machineAllow = files.write('allow.yaml', [
      'sites:',
      '  allow:',
      '    - host: dichvucong.hanoi.gov.vn',
      'services:',
      '  - name: { vi: "Cổng DVC Hà Nội", en: "Hanoi portal" }',
      '    url: https://dichvucong.hanoi.gov.vn/',
      '',
    ].join('\n'));
    const result = ok(loadPolicy({ ...base, machineFile: machineAllow }));
    expect(result.policy.sites.allow).toEqual([{ host: 'dichvucong.hanoi.gov.vn' }]);
    expect(result.policy.services).toHaveLength(1);
    expect(result.policy.sites.blockCategories).toEqual(['chat-apps']);
  });

  it('a replaced allowlist that no longer allows a bundled tile is an error in the file that replaced it', () => {
    const narrow = files.write('narrow.yaml', 'sites:\n  allow:\n    - host: dichvucong.gov.vn\n');
    const found = errors(loadPolicy({ ...base, machineFile: narrow }));
    expect(found.map((e) => e.path)).toEqual(['services[1].url', 'services[2].url', 'services[3].url']);
    // the tiles come from the bundled file, so that is where the lines point
    expect(found.every((e) => e.file === bundled && e.line > 0)).toBe(true);
    expect(found[0]?.message).toContain('deny not in allowlist');
  });
});

describe('files that are missing or unreadable', () => {
  it('a missing machine file is fine: it is optional', () => {
    expect(ok(loadPolicy({ ...base, machineFile: path.join(files.dir, 'absent.yaml') })).sources).toHaveLength(2);
  });

  it('a missing explicit file is an error, never a silent fallback', () => {
    const absent = path.join(files.dir, 'typo.yaml');
    expect(errors(loadPolicy({ ...base, explicitFile: absent }))).toEqual([
      { file: absent, line: 0, col: 0, path: '(file)', message: 'the file does not exist' },
    ]);
  });

  it('a missing bundled file is an error', () => {
    expect(errors(loadPolicy({ ...base, bundledFile: path.join(files.dir, 'gone.yaml') }))[0]?.message).toBe('the file does not exist');
  });

  it('a machine policy path that cannot be read as a file is an error', () => {
    const folder = path.join(files.dir, 'policy-folder.yaml');
    mkdirSync(folder);
    expect(errors(loadPolicy({ ...base, machineFile: folder }))[0]).toMatchObject({ file: folder, path: '(file)', message: 'the file is not a regular file' });
  });

  it('an empty file or a file that is not a mapping is an error', () => {
    const empty = files.write('empty.yaml', '# only a comment\n');
    expect(errors(loadPolicy({ ...base, explicitFile: empty }))[0]?.message).toContain('the file is empty');
    const list = files.write('list.yaml', '- host: a.gov.vn\n');
    expect(errors(loadPolicy({ ...base, explicitFile: list }))[0]).toMatchObject({ path: '(root)', line: 1, col: 1 });
  });
});

describe('validation reports every problem, located in its own file', () => {
  it('reports errors of several layers at once, each in its file, sorted by layer then line', () => {
    const machine = files.write('m-bad.yaml', 'printing:\n  enabled: yes\n');
    const flag = files.write('f-bad.yaml', 'session:\n  idleTimeoutSeconds: 10\nschedule:\n  timeZone: Mars/Olympus\n');
    const found = errors(loadPolicy({ ...base, machineFile: machine, explicitFile: flag }));
    expect(found.map(formatPolicyIssue)).toEqual([
      `${machine}:2:12 printing.enabled: Invalid input: expected boolean, received string`,
      `${flag}:2:23 session.idleTimeoutSeconds: Too small: expected number to be >=30`,
      `${flag}:4:13 schedule.timeZone: is not a known IANA time zone (e.g. Asia/Ho_Chi_Minh)`,
    ]);
  });

  it('keeps going after a broken section: semantic checks of other sections still run', () => {
    const file = files.write('mixed.yaml', 'sites:\n  mode: whitelist\nui:\n  language: en\n  languages: [vi]\n');
    expect(errors(loadPolicy({ ...base, explicitFile: file })).map((e) => e.path)).toEqual(['sites.mode', 'ui.language']);
  });

  it('never lets a __proto__ key reach Object.prototype; it is reported as unknown', () => {
    const file = files.write('proto.yaml', '__proto__:\n  polluted: true\nsession:\n  __proto__: { polluted: true }\n');
    const found = errors(loadPolicy({ ...base, explicitFile: file }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(found.map((e) => e.path)).toEqual(['__proto__', 'session.__proto__']);
  });

  it('accepts a file saved with a byte-order mark (Windows Notepad)', () => {
    const file = files.write('bom.yaml', '\uFEFFsession:\n  idleTimeoutSeconds: 240\n');
    expect(ok(loadPolicy({ ...base, explicitFile: file })).policy.session.idleTimeoutSeconds).toBe(240);
  });

  it('returns a deeply frozen policy', () => {
    const { policy } = ok(loadPolicy(base));
    expect(() => (policy.sites.allow as unknown as unknown[]).push({ host: 'evil.example' })).toThrow();
    expect(Object.isFrozen(policy.schedule)).toBe(true);
  });
});

describe('platform-specific checks', () => {
  it('checks the Windows paths against the Windows environment', () => {
    const found = errors(loadPolicy({ ...base, platform: 'win32' }));
    expect(found.map((e) => e.path)).toEqual(['paths.sessionData.windows', 'paths.downloads.windows', 'paths.state.windows']);
    expect(found[0]?.message).toContain('${ProgramData}');
    expect(ok(loadPolicy({ ...base, platform: 'win32', env: { PROGRAMDATA: 'C:\\ProgramData' } })).policy.paths.state).toBeTruthy();
  });

  it('requires a path for the operating system it runs on', () => {
    // default.yaml has windows and linux entries only
    const found = errors(loadPolicy({ ...base, platform: 'darwin' }));
    expect(found.map((e) => e.path)).toEqual(['paths.sessionData', 'paths.downloads', 'paths.state']);
    expect(found[0]?.message).toBe('no path for darwin, the operating system of this machine');
  });

  it('merges per-OS paths key by key: a machine file may change only the Windows path', () => {
    const file = files.write('win-only.yaml', 'paths:\n  state:\n    windows: D:\\kiosk\\state\n');
    const { policy } = ok(loadPolicy({ ...base, explicitFile: file }));
    expect(policy.paths.state).toEqual({ windows: 'D:\\kiosk\\state', linux: '/var/lib/public-kiosk/state' });
  });

  it('knows the machine policy location of each OS', () => {
    expect(defaultMachinePolicyFile('linux', {})).toBe('/etc/public-kiosk/policy.yaml');
    expect(defaultMachinePolicyFile('win32', { ProgramData: 'D:\\PD' })).toBe('D:\\PD\\public-kiosk\\policy.yaml');
    expect(defaultMachinePolicyFile('win32', {})).toBe('C:\\ProgramData\\public-kiosk\\policy.yaml');
  });
});

describe('deprecated keys', () => {
  it('the old staff.lockout still loads, ignored, with a FILE:LINE:COL note; the bundled file has none', () => {
    expect(ok(loadPolicy(base)).notes).toEqual([]);
    const old = files.write('old-lockout.yaml', '# from before the kiosk-wide sign-in delay\nstaff:\n  lockout:\n    maxFailures: 3\n    baseDelaySeconds: 60\n');
    const result = ok(loadPolicy({ ...base, machineFile: old }));
    expect(result.notes.map(formatPolicyIssue)).toEqual([expect.stringMatching(new RegExp(`^${escapeRegExp(old)}:3:3 staff\\.lockout: deprecated, ignored: .*lock no account`))]);
  });
});
