/**
 * `apt-get -s dist-upgrade` with LANG=C prints one "Inst" line per package it would upgrade, with the
 * archive it comes from in parentheses: "Inst libssl3 [3.0.11-1] (3.0.15-1~deb12u1 Debian-Security:12/stable-security [amd64])".
 * An upgrade is a security update when that archive is a security suite.
 */
export function countPendingSecurityUpdates(simulation: string): number {
  let count = 0;
  for (const line of simulation.split('\n')) {
    if (!line.startsWith('Inst ')) continue;
    const archive = /\(([^)]*)\)/.exec(line)?.[1] ?? '';
    if (/security/i.test(archive)) count += 1;
  }
  return count;
}

/** The Release files apt keeps after `apt-get update`: their age is the age of the package lists. */
export const isReleaseFile = (name: string) => name.endsWith('_InRelease') || name.endsWith('_Release');
