import path from 'node:path';
import type { OsPath, Policy } from './schema';

/** The kiosk's data roots on this machine: absolute, variables expanded. */
export interface ResolvedPolicyPaths {
  sessionData: string;
  downloads: string;
  state: string;
  /** Extra folders the shift wipe empties; entries with no value for this OS are left out. */
  extraPaths: string[];
  /** Folders every session wipe and every shift wipe empties (a scanner's output); same rule for other OSes. */
  sessionPaths: string[];
}

export type PolicyPathField = 'paths.sessionData' | 'paths.downloads' | 'paths.state' | `wipe.extraPaths[${number}]` | `wipe.sessionPaths[${number}]`;

/** A path in the policy that cannot be used on this machine; `field` says which one. */
export class PolicyPathError extends Error {
  constructor(readonly field: PolicyPathField, message: string) {
    super(`${field}: ${message}`);
    this.name = 'PolicyPathError';
  }
}

type OsKey = 'windows' | 'linux' | 'darwin';

export function osKey(platform: NodeJS.Platform): OsKey {
  if (platform === 'win32') return 'windows';
  return platform === 'darwin' ? 'darwin' : 'linux';
}

/** The entry of an OS path for this platform, or undefined when the policy gives none. */
export function pathForPlatform(value: OsPath, platform: NodeJS.Platform): string | undefined {
  return typeof value === 'string' ? value : value[osKey(platform)];
}

export type Expansion = { ok: true; value: string } | { ok: false; message: string };

/**
 * Expands `${NAME}` from the environment (Windows names compare case-insensitively, as Windows does).
 * An unset or empty variable is an error, never an empty string: `${ProgramData}\kiosk` must not
 * become `\kiosk`. The result must be absolute, for this platform, so nothing lands relative to
 * whatever directory the kiosk or a scheduled task happens to start in.
 */
export function expandPolicyPath(text: string, platform: NodeJS.Platform, env: Record<string, string | undefined>): Expansion {
  const missing: string[] = [];
  let malformed = false;
  const value = text.replace(/\$\{([^}]*)\}?/g, (whole, name: string) => {
    if (!whole.endsWith('}') || !/^[A-Za-z_][A-Za-z0-9_()]*$/.test(name)) {
      malformed = true;
      return whole;
    }
    const found = lookup(env, name, platform);
    if (found === undefined || found === '') missing.push(name);
    return found ?? '';
  });
  if (malformed) return { ok: false, message: `"${text}" has a malformed \${...} reference (write \${NAME})` };
  if (missing.length > 0) {
    return { ok: false, message: `"${text}" uses ${missing.map((n) => `\${${n}}`).join(', ')}, which is not set in the environment` };
  }
  const flavour = platform === 'win32' ? path.win32 : path.posix;
  if (!flavour.isAbsolute(value) || (platform === 'win32' && !/^([a-zA-Z]:[\\/]|\\\\)/.test(value))) {
    return { ok: false, message: `"${value}" is not an absolute path on ${osKey(platform)}` };
  }
  return { ok: true, value: flavour.resolve(value) };
}

function lookup(env: Record<string, string | undefined>, name: string, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'win32') return env[name];
  const match = Object.keys(env).find((key) => key.toUpperCase() === name.toUpperCase());
  return match === undefined ? undefined : env[match];
}

export function resolvePolicyPaths(
  policy: Policy,
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
): ResolvedPolicyPaths {
  const root = (field: 'sessionData' | 'downloads' | 'state') => {
    const text = pathForPlatform(policy.paths[field], platform);
    if (text === undefined) throw new PolicyPathError(`paths.${field}`, `no value for ${osKey(platform)}`);
    return expanded(`paths.${field}`, text);
  };
  const expanded = (field: PolicyPathField, text: string) => {
    const result = expandPolicyPath(text, platform, env);
    if (!result.ok) throw new PolicyPathError(field, result.message);
    return result.value;
  };
  const listed = (key: 'extraPaths' | 'sessionPaths') =>
    policy.wipe[key].flatMap((entry, index) => {
      const text = pathForPlatform(entry, platform);
      return text === undefined ? [] : [expanded(`wipe.${key}[${index}]`, text)];
    });
  const extraPaths = listed('extraPaths');
  const sessionPaths = listed('sessionPaths');
  return { sessionData: root('sessionData'), downloads: root('downloads'), state: root('state'), extraPaths, sessionPaths };
}
