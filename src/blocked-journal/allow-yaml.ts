import type { BlockedRow, BlockedSummary } from './ranking';

/**
 * `blocked --yaml`: the `not-allowed` hosts as `sites.allow` entries for the IT officer to review —
 * never applied by themselves. Each carries a comment saying how often and where it was seen, so the
 * officer can tell a payment bank met by twenty citizens from an advert met once.
 */

interface HostEvidence {
  host: string;
  sessions: number;
  kinds: Set<string>;
  kiosks: Set<string>;
  firstSeen: string;
  lastSeen: string;
}

export function allowRulesYaml(summary: BlockedSummary, period: { from: string; to: string }): string {
  const hosts = new Map<string, HostEvidence>();
  for (const row of summary.rows.filter((r: BlockedRow) => r.rule === 'not-allowed')) {
    const known = hosts.get(row.host);
    if (!known) {
      hosts.set(row.host, { host: row.host, sessions: row.sessions, kinds: new Set([row.kind]), kiosks: new Set(row.kiosks), firstSeen: row.firstSeen, lastSeen: row.lastSeen });
      continue;
    }
    // Rows of one host differ by kind; the same session may be in several, so the larger count is the honest one.
    known.sessions = Math.max(known.sessions, row.sessions);
    known.kinds.add(row.kind);
    for (const kiosk of row.kiosks) known.kiosks.add(kiosk);
    if (row.firstSeen < known.firstSeen) known.firstSeen = row.firstSeen;
    if (row.lastSeen > known.lastSeen) known.lastSeen = row.lastSeen;
  }
  const source = summary.type === 'rehearsal' ? 'rehearsal session(s)' : 'citizen session(s)';
  const lines = [
    `# Hosts the allowlist refused (${summary.records} ${summary.type} record(s), ${period.from} to ${period.to}).`,
    '# Review each one before it goes into the machine policy: confirm who runs it, then keep or drop it.',
    'sites:',
    '  allow:',
  ];
  if (hosts.size === 0) lines.push('    [] # nothing was refused by the allowlist in this period');
  const ranked = [...hosts.values()].sort((a, b) => b.sessions - a.sessions || a.host.localeCompare(b.host));
  for (const h of ranked) {
    lines.push(
      oneLine(`    # ${h.sessions} ${source} on ${h.kiosks.size} kiosk(s) (${[...h.kiosks].sort().join(', ')}); as ${[...h.kinds].sort().join(', ')}; first seen ${h.firstSeen}, last seen ${h.lastSeen}`),
      `    - host: ${JSON.stringify(h.host)}`,
      `      note: ${JSON.stringify(`seen blocked ${h.firstSeen.slice(0, 10)} to ${h.lastSeen.slice(0, 10)}; review who runs it`)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A comment stays one line whatever a forwarded log's file names hold. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}
