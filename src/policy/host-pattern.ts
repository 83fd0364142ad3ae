/**
 * Host patterns of the site rules: `example.gov.vn` (that host only) or `*.example.gov.vn` (any host
 * below it, on a label boundary). Patterns and URL hosts go through the same WHATWG host parser, so
 * case, trailing dots, IDN (punycode) and the numeric IPv4 spellings compare equal. There is no
 * substring or regular-expression matching anywhere: a pattern is an exact host or a label suffix.
 */

export interface HostPattern {
  /** The pattern as written in the policy, for messages. */
  text: string;
  /** `exact`: host must equal `host`. `suffix`: host must end in `.${host}`. */
  kind: 'exact' | 'suffix';
  /** Canonical ASCII host (lower case, punycode, no trailing dot; IPv6 in brackets). */
  host: string;
  isIp: boolean;
}

export type HostPatternResult = { ok: true; pattern: HostPattern } | { ok: false; message: string };

const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Canonical form of a host the WHATWG parser produced (or would produce). */
export function canonicalHost(hostname: string): string {
  // One trailing dot is the fully-qualified spelling of the same host; anything more is not a host.
  return hostname.toLowerCase().replace(/\.$/, '');
}

export function isIpLiteral(host: string): boolean {
  return host.startsWith('[') || ipv4.test(host);
}

export function parseHostPattern(text: string): HostPatternResult {
  const trimmed = text.trim();
  if (trimmed !== text || /\s/.test(text)) return fail('must not contain spaces');
  if (text.length === 0) return fail('must not be empty');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return fail('must be a host name only, without a scheme (remove "https://")');
  if (text.includes('/')) return fail('must be a host name only, without a path');
  if (text.includes('@')) return fail('must be a host name only, without user info');
  if (/[?#]/.test(text)) return fail('must be a host name only, without a query or fragment');
  if (/[\\%]/.test(text)) return fail('must be a plain host name (no "\\" or "%")');
  const wildcard = text.startsWith('*.');
  const body = wildcard ? text.slice(2) : text;
  if (body.includes('*')) return fail('a wildcard is allowed only as a leading "*." (e.g. *.dichvucong.gov.vn)');
  if (/:\d*$/.test(body) && !body.endsWith(']')) {
    return fail('must not contain a port; list non-default ports in the rule\'s "ports"');
  }
  let parsed: URL;
  try {
    parsed = new URL(`https://${body}/`);
  } catch {
    return fail('is not a valid host name');
  }
  // Everything written must have been consumed as the host, nothing re-read as path or port.
  if (parsed.pathname !== '/' || parsed.search || parsed.hash || parsed.username || parsed.port) {
    return fail('must be a host name only');
  }
  const hostname = parsed.hostname;
  const host = canonicalHost(hostname);
  if (host.length === 0 || host.startsWith('.') || host.endsWith('.') || host.includes('..')) {
    return fail('is not a valid host name (empty label)');
  }
  const isIp = isIpLiteral(host);
  if (wildcard && isIp) return fail('a wildcard cannot be combined with an IP address');
  if (wildcard && !host.includes('.')) return fail('a wildcard needs at least two labels after "*." (e.g. *.gov.vn)');
  return { ok: true, pattern: { text, kind: wildcard ? 'suffix' : 'exact', host, isIp } };
}

/** `host` must already be canonical (see canonicalHost). */
export function hostMatches(pattern: HostPattern, host: string): boolean {
  if (pattern.kind === 'exact') return host === pattern.host;
  return host.length > pattern.host.length + 1 && host.endsWith(`.${pattern.host}`);
}

function fail(message: string): HostPatternResult {
  return { ok: false, message };
}
