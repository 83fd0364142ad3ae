import { describe, expect, it } from 'vitest';
import { expandPolicyPath, PolicyPathError, resolvePolicyPaths } from '../../../src/policy/resolve-paths';
import { policySchema, type Policy } from '../../../src/policy/schema';
import { bundledPolicy } from './fixtures';

function withPaths(paths: Partial<Policy['paths']>, extraPaths: Policy['wipe']['extraPaths'] = []): Policy {
  const copy = structuredClone(bundledPolicy()) as Policy;
  return policySchema.parse({ ...copy, paths: { ...copy.paths, ...paths }, wipe: { ...copy.wipe, extraPaths } });
}

describe('resolvePolicyPaths', () => {
  it('picks the Linux entries of the bundled policy', () => {
    expect(resolvePolicyPaths(bundledPolicy(), 'linux', {})).toEqual({
      sessionData: '/var/lib/public-kiosk/session-data',
      downloads: '/var/lib/public-kiosk/downloads',
      state: '/var/lib/public-kiosk/state',
      extraPaths: [],
      sessionPaths: [],
    });
  });

  it('expands ${ProgramData} on Windows, whatever the case of the variable name', () => {
    const paths = resolvePolicyPaths(bundledPolicy(), 'win32', { PROGRAMDATA: 'C:\\ProgramData' });
    expect(paths.state).toBe('C:\\ProgramData\\public-kiosk\\state');
    expect(paths.sessionData).toBe('C:\\ProgramData\\public-kiosk\\session-data');
  });

  it('keeps extra paths for this OS only and normalises them', () => {
    const policy = withPaths({}, [{ windows: 'C:\\Scans' }, '/srv/scans/../scans/', { linux: '${SCANS}/out' }]);
    expect(resolvePolicyPaths(policy, 'linux', { SCANS: '/srv/scanner' }).extraPaths).toEqual(['/srv/scans', '/srv/scanner/out']);
    // a plain string applies to every OS: on Windows "/srv/scans" is not absolute, and says so
    expect(() => resolvePolicyPaths(policy, 'win32', {})).toThrow('wipe.extraPaths[1]: "/srv/scans/../scans/" is not an absolute path on windows');
    const windowsOnly = withPaths({}, [{ windows: 'C:\\Scans\\' }, { linux: '/srv/scans' }]);
    expect(resolvePolicyPaths(windowsOnly, 'win32', { ProgramData: 'C:\\ProgramData' }).extraPaths).toEqual(['C:\\Scans']);
  });

  it.each([
    [{ state: { windows: 'C:\\k\\state' } }, 'linux', {}, 'paths.state', 'no value for linux'],
    [{ downloads: '${PK_UNSET}/dl' }, 'linux', {}, 'paths.downloads', 'which is not set'],
    [{ downloads: '${PK_EMPTY}/dl' }, 'linux', { PK_EMPTY: '' }, 'paths.downloads', 'which is not set'],
    [{ sessionData: 'relative/data' }, 'linux', {}, 'paths.sessionData', 'not an absolute path'],
    [{ sessionData: '\\kiosk\\data' }, 'win32', {}, 'paths.sessionData', 'not an absolute path'],
    [{ state: '/var/${oops/state' }, 'linux', {}, 'paths.state', 'malformed'],
  ] as const)('throws a PolicyPathError naming the field (%#)', (paths, platform, env, field, message) => {
    const policy = withPaths(paths as Partial<Policy['paths']>);
    let caught: unknown;
    try {
      resolvePolicyPaths(policy, platform, env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PolicyPathError);
    expect((caught as PolicyPathError).field).toBe(field);
    expect((caught as PolicyPathError).message).toContain(message);
  });

  it('resolves session paths like extra paths, for this OS only, naming the one that cannot be resolved', () => {
    const copy = structuredClone(bundledPolicy()) as Policy;
    const policy = policySchema.parse({ ...copy, wipe: { ...copy.wipe, sessionPaths: [{ windows: 'C:\\Scans\\' }, '/srv/scans/./out', { linux: '${SCANS}' }] } });
    expect(resolvePolicyPaths(policy, 'linux', { SCANS: '/srv/scanner' }).sessionPaths).toEqual(['/srv/scans/out', '/srv/scanner']);
    expect(() => resolvePolicyPaths(policy, 'linux', {})).toThrow(/^wipe\.sessionPaths\[2\]: .*SCANS/);
  });

  it('names the extra path that cannot be resolved', () => {
    const policy = withPaths({}, ['/ok', '${NOPE}/scans']);
    expect(() => resolvePolicyPaths(policy, 'linux', {})).toThrow(/^wipe\.extraPaths\[1\]: /);
  });

  it('does not expand a variable twice (a value containing ${...} stays literal)', () => {
    expect(expandPolicyPath('${A}/x', 'linux', { A: '/data/${B}', B: 'evil' })).toEqual({ ok: true, value: '/data/${B}/x' });
  });
});
