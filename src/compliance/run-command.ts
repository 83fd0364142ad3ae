import { execFile } from 'node:child_process';
import { ProbeError } from './probes';

export interface CommandRunner {
  (file: string, args: readonly string[], options: { env?: Record<string, string>; timeoutMs: number }): Promise<string>;
}

/**
 * The environment of a Linux probe command: the C locale (its output is parsed) and a fixed PATH.
 * Nothing of the caller's environment: a planted PATH, LD_PRELOAD or APT_CONFIG cannot steer a probe.
 */
export const posixProbeEnv: Readonly<Record<string, string>> = { LANG: 'C', LC_ALL: 'C', LANGUAGE: 'C', PATH: '/usr/sbin:/usr/bin:/sbin:/bin' };

/**
 * execFile (no shell), a time limit, a bounded output, and exactly the environment given (none of
 * the caller's). A missing program, a non-zero exit or a timeout become a ProbeError naming the
 * program: its output and arguments are never repeated.
 */
export const execFileRunner: CommandRunner = (file, args, options) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { encoding: 'utf8', timeout: options.timeoutMs, maxBuffer: 64 * 1024 * 1024, windowsHide: true, env: { ...options.env } },
      (error, stdout) => {
        if (!error) return resolve(stdout);
        const name = (file.split(/[\\/]/).pop() ?? 'program').toLowerCase().replace(/\.exe$/, '').replace(/[^a-z0-9-]/g, '-');
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new ProbeError(`${name}-unavailable`));
        if (error.killed || (error as { signal?: string }).signal === 'SIGTERM') return reject(new ProbeError(`${name}-timeout`));
        reject(new ProbeError(`${name}-failed`));
      },
    );
  });
