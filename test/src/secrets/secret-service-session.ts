import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../support/cli';

/**
 * Runs a command inside a private D-Bus session with an unlocked gnome-keyring Secret Service (the
 * recipe in kiosk-facts.md), with HOME and XDG_* in a temp dir so the real keyring is never touched.
 */

const tools = ['dbus-run-session', 'gnome-keyring-daemon', 'secret-tool'];

/** Why a real Secret Service cannot be started here, or null when it can. */
export function secretServiceMissing(): string | null {
  const missing = tools.filter((tool) => !onPath(tool));
  if (missing.length === 0) return null;
  return `not on PATH: ${missing.join(', ')} (apt-get install gnome-keyring dbus dbus-x11 libsecret-tools; .ci/run does)`;
}

/** In CI a missing Secret Service is a failure, not a skip: the store must be tested for real there. */
export function skipWithoutSecretService(suite: string): boolean {
  const reason = secretServiceMissing();
  if (reason === null) return false;
  if (process.env.CI) throw new Error(`${suite}: CI must run against a real Secret Service, but ${reason}`);
  console.warn(`SKIPPED ${suite}: no real Secret Service on this machine: ${reason}`);
  return true;
}

export interface SessionRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SessionOptions {
  /** Keep using one keyring across runs (e.g. CLI enrol, then sign-in): pass the dir from a previous run. */
  home?: string;
  input?: string;
  env?: Record<string, string>;
}

export function makeKeyringHome(): string {
  const home = mkdtempSync(path.join(tmpdir(), 'pk-keyring-'));
  for (const dir of ['.local/share', '.config', '.cache', 'run']) mkdirSync(path.join(home, dir), { recursive: true, mode: 0o700 });
  return home;
}

export function removeKeyringHome(home: string): void {
  rmSync(home, { recursive: true, force: true });
}

export function runInSecretService(command: readonly string[], options: SessionOptions = {}): SessionRun {
  const home = options.home ?? makeKeyringHome();
  try {
    const wrapped = inSecretService(command, home, options.env);
    const result = spawnSync(wrapped.command, wrapped.args, { encoding: 'utf8', timeout: 60_000, input: options.input ?? '', env: wrapped.env });
    return { code: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
  } finally {
    if (options.home === undefined) removeKeyringHome(home);
  }
}

/**
 * The command line that runs `command` in a new D-Bus session with gnome-keyring unlocked. The
 * keyring lives in `home`: a later run with the same home sees what an earlier one stored.
 */
export function inSecretService(command: readonly string[], home: string, env: Record<string, string> = {}) {
  const wrapper = 'printf %s "$PK_KEYRING_PW" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"';
  return {
    command: 'dbus-run-session',
    args: ['--', 'sh', '-c', wrapper, 'sh', ...command],
    env: { ...keyringEnv(home), PK_KEYRING_PW: 'test-keyring-password', ...env },
  };
}

/** A minimal environment: nothing of the caller's own desktop session may leak in. */
export function keyringEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_RUNTIME_DIR: path.join(home, 'run'),
    PUBLIC_KIOSK_POLICY: '',
  };
}

/** The built module a child process loads; fails clearly when the build is missing or older than src. */
export function builtModule(relative: string): string {
  const built = path.join(repoRoot, 'dist', 'src', `${relative}.js`);
  const source = path.join(repoRoot, 'src', `${relative}.ts`);
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first`);
  if (statSync(source).mtimeMs > statSync(built).mtimeMs) {
    throw new Error(`${built} is older than its source: run \`npm run build\` first`);
  }
  return built;
}

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, tool)));
}
