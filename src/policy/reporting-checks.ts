import { statSync } from 'node:fs';
import path from 'node:path';
import type { PathSegment } from './issues';
import type { SyslogDestinationPolicy } from './schema-reporting';

export interface ReportingIssue {
  path: PathSegment[];
  message: string;
}

const tlsTransports = new Set(['relp-tls', 'tls']);

/**
 * Cross-field rules of `reporting.syslog`: an encrypted transport needs the CA that vouches for the
 * collector (never "trust anything"), files must exist where the policy is checked, a certificate
 * comes with its key, and one collector is listed once (two cursors for one receiver would only
 * double its records).
 */
export function syslogIssues(destinations: readonly SyslogDestinationPolicy[]): ReportingIssue[] {
  const issues: ReportingIssue[] = [];
  const seen = new Map<string, number>();
  destinations.forEach((destination, index) => {
    const at = (field: string): PathSegment[] => ['reporting', 'syslog', index, field];
    const tls = tlsTransports.has(destination.transport);
    if (tls && destination.ca === undefined) issues.push({ path: at('transport'), message: `${destination.transport} needs ca: the PEM file of the CA that signed the collector's certificate` });
    if (!tls) {
      for (const field of ['ca', 'cert', 'key'] as const) {
        if (destination[field] !== undefined) issues.push({ path: at(field), message: `${field} is only used with relp-tls or tls; ${destination.transport} sends in clear text` });
      }
    }
    if ((destination.cert === undefined) !== (destination.key === undefined)) {
      issues.push({ path: at(destination.cert === undefined ? 'key' : 'cert'), message: 'cert and key go together: give both or neither' });
    }
    if (tls) {
      for (const field of ['ca', 'cert', 'key'] as const) {
        const file = destination[field];
        const problem = file === undefined ? null : fileProblem(file);
        if (problem) issues.push({ path: at(field), message: problem });
      }
    }
    const key = `${destination.transport}://${destination.host.toLowerCase()}:${destination.port}`;
    const first = seen.get(key);
    if (first !== undefined) issues.push({ path: at('host'), message: `the same collector as reporting.syslog[${first}] (${key})` });
    else seen.set(key, index);
  });
  return issues;
}

function fileProblem(file: string): string | null {
  if (!path.isAbsolute(file)) return `"${file}" must be an absolute path`;
  try {
    return statSync(file).isFile() ? null : `"${file}" is not a file`;
  } catch {
    return `"${file}" does not exist or cannot be read`;
  }
}
