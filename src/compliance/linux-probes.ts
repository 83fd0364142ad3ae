import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { countPendingSecurityUpdates, isReleaseFile } from './linux-apt';
import { linuxBrowserFacts } from './linux-browsers';
import { exists, existsGlob, newestMtime, parseOsRelease, readText, underRoot } from './linux-files';
import { parseCupsPrintersConf, parseLpstatDevices, type PrinterFacts } from './print-to-file';
import { ProbeError, type AntivirusFacts, type ComplianceProbes, type OsFacts, type UpdateFacts } from './probes';
import { execFileRunner, posixProbeEnv, type CommandRunner } from './run-command';
import { tcpConnect } from './tcp-connect';

export interface LinuxProbeOptions {
  /** Where /proc is mounted; tests may point it elsewhere. */
  proc?: string;
  /** Root for configuration files, folders, os-release, ClamAV signatures and apt lists. */
  root?: string;
  /** dpkg's database for dpkg-query --admindir; the system's by default. */
  dpkgAdminDir?: string;
  run?: CommandRunner;
  uid?: number;
  groups?: number[];
  now?: () => Date;
  commandTimeoutMs?: number;
  /** The programs the probes run, by absolute path (never looked up on PATH); tests may point them elsewhere. */
  programs?: Partial<LinuxPrograms>;
}

export interface LinuxPrograms {
  aptGet: string;
  dpkgQuery: string;
  lpstat: string;
}

export const linuxPrograms: LinuxPrograms = { aptGet: '/usr/bin/apt-get', dpkgQuery: '/usr/bin/dpkg-query', lpstat: '/usr/bin/lpstat' };

const dayMs = 24 * 60 * 60 * 1000;
const ageDays = (from: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - from.getTime()) / dayMs));

export function linuxProbes(options: LinuxProbeOptions = {}): ComplianceProbes {
  const proc = options.proc ?? '/proc';
  const root = options.root ?? '/';
  const run = options.run ?? execFileRunner;
  const now = options.now ?? (() => new Date());
  // Old counter PCs under load: apt-get -s can take tens of seconds; a timeout is `error`, never a pass.
  const timeoutMs = options.commandTimeoutMs ?? 60_000;
  const programs = { ...linuxPrograms, ...options.programs };
  let packages: Promise<string[]> | null = null;
  const installed = () => (packages ??= dpkgPackages(run, programs.dpkgQuery, options.dpkgAdminDir, timeoutMs));

  return {
    platform: 'linux',
    processNames: () => processNames(proc),
    installedNames: installed,
    serviceNames: () => Promise.resolve([]),
    async existingFolders(candidates) {
      const found = await Promise.all(candidates.map(async (folder) => ((await existsGlob(underRoot(root, folder))) ? folder : null)));
      return found.filter((folder): folder is string => folder !== null);
    },
    remoteDesktop: () => Promise.resolve(null),
    async antivirus(): Promise<AntivirusFacts> {
      const signatures = await newestMtime(underRoot(root, '/var/lib/clamav'), (name) => /^(daily|main|bytecode)\.(cvd|cld)$/.test(name));
      if (!signatures) return { products: [] };
      return { products: [{ name: 'ClamAV', source: 'clamav', enabled: true, upToDate: null, signatureAgeDays: ageDays(signatures, now()) }] };
    },
    async updates(): Promise<UpdateFacts> {
      const lists = await newestMtime(underRoot(root, '/var/lib/apt/lists'), isReleaseFile);
      const simulation = await run(programs.aptGet, ['-s', '-o', 'Debug::NoLocking=1', 'dist-upgrade'], { env: { ...posixProbeEnv }, timeoutMs });
      return { kind: 'apt', pendingSecurityUpdates: countPendingSecurityUpdates(simulation), packageListsAgeDays: lists ? ageDays(lists, now()) : null };
    },
    async os(): Promise<OsFacts> {
      const text = (await readText(underRoot(root, '/etc/os-release'))) ?? (await readText(underRoot(root, '/usr/lib/os-release')));
      if (text === null) throw new ProbeError('os-release-unreadable');
      const fields = parseOsRelease(text);
      const id = (fields.ID ?? 'linux').toLowerCase();
      const version = fields.VERSION_ID ?? 'unknown';
      const product = (fields.NAME ?? id).replace(/\s*GNU\/Linux/, '').replace(/[^\p{L}\p{N} ._-]/gu, '');
      return { key: `${id}-${version}`.replace(/[^a-z0-9.-]/g, '-'), product, version: version.replace(/[^A-Za-z0-9._-]/g, '') };
    },
    async browsers() {
      return linuxBrowserFacts(root, await installed());
    },
    async account() {
      const uid = options.uid ?? process.getuid?.() ?? -1;
      const groups = options.groups ?? process.getgroups?.() ?? [];
      if (uid === 0) return { administrator: true };
      const adminGids = parseAdminGroups((await readText(underRoot(root, '/etc/group'))) ?? '');
      return { administrator: groups.some((gid) => adminGids.includes(gid)) };
    },
    printers: () => cupsPrinters(root, programs.lpstat, run, timeoutMs),
    connect: tcpConnect,
  };
}

/**
 * CUPS queues and their device URIs: printers.conf when readable (it is root's), else `lpstat -v`.
 * Neither printers.conf nor lpstat: no CUPS, no printers. lpstat failing (no scheduler) is `error`.
 */
async function cupsPrinters(root: string, lpstat: string, run: CommandRunner, timeoutMs: number): Promise<PrinterFacts[]> {
  const conf = await readText(underRoot(root, '/etc/cups/printers.conf'));
  if (conf !== null) return parseCupsPrintersConf(conf);
  if (!(await exists(lpstat))) return [];
  return parseLpstatDevices(await run(lpstat, ['-v'], { env: { ...posixProbeEnv }, timeoutMs }));
}

/** Process names from /proc: comm (the kernel's 15-character name) and the base name of argv[0]. */
async function processNames(proc: string): Promise<string[]> {
  const entries = await readdir(proc).catch(() => {
    throw new ProbeError('proc-unreadable');
  });
  const names = new Set<string>();
  await Promise.all(
    entries
      .filter((entry) => /^\d+$/.test(entry))
      .map(async (pid) => {
        // A process may exit between readdir and read: skip it.
        const comm = await readFile(path.join(proc, pid, 'comm'), 'utf8').catch(() => '');
        if (comm.trim()) names.add(comm.trim());
        const cmdline = await readFile(path.join(proc, pid, 'cmdline'), 'utf8').catch(() => '');
        const argv0 = cmdline.split('\0')[0] ?? '';
        // Only the program's base name is kept; the rest of the command line is never read further.
        const base = argv0.split('/').pop()?.split(' ')[0] ?? '';
        if (base) names.add(base);
      }),
  );
  return [...names];
}

async function dpkgPackages(run: CommandRunner, dpkgQuery: string, adminDir: string | undefined, timeoutMs: number): Promise<string[]> {
  const args = [...(adminDir ? [`--admindir=${adminDir}`] : []), '-W', '-f', '${Package}\\t${db:Status-Abbrev}\\n'];
  const out = await run(dpkgQuery, args, { env: { ...posixProbeEnv }, timeoutMs });
  return out
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([name, status]) => name && status?.startsWith('ii'))
    .map(([name]) => name!);
}

/** Group ids of sudo, wheel and admin in /etc/group. */
export function parseAdminGroups(text: string): number[] {
  return text
    .split('\n')
    .map((line) => line.split(':'))
    .filter(([name]) => name === 'sudo' || name === 'wheel' || name === 'admin')
    .map(([, , gid]) => Number(gid))
    .filter((gid) => Number.isInteger(gid));
}
