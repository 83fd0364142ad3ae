import type { BlockedKind, BlockedRule } from '../audit/record-types';

/**
 * What one refusal counts as in the blocked-host journal: the host (never the path, query, fragment
 * or anything a citizen typed) and the rule that refused it, reduced from the shell's verdict. The
 * verdict's `code` is the stable machine code of src/policy/url-rules.ts; a category's name is read
 * from its rule text ("deny category chat (…)"), which a test pins against decideUrl itself.
 */

export type { BlockedKind, BlockedRule };

/** The part of a shell verdict (src/shell/navigation.ts, requests.ts) the journal reads. */
export interface RefusalVerdict {
  code: string;
  rule: string;
}

const categoryRule = /^deny category ([a-z][a-z0-9-]*) \(/;

/** The journal's rule for a refusal; null for refusals with nothing to count (an unparseable URL). */
export function refusalRule(verdict: RefusalVerdict): BlockedRule | null {
  switch (verdict.code) {
    case 'not-allowed':
    case 'port':
      // A port the allow rules do not list is fixed by an allow rule, like a host they do not list.
      return 'not-allowed';
    case 'deny-rule':
    case 'userinfo':
    case 'invalid-policy':
      return 'deny';
    case 'category': {
      const name = categoryRule.exec(verdict.rule)?.[1];
      return name === undefined ? 'deny' : `category:${name}`;
    }
    case 'local-network':
      return 'local-network';
    case 'ip-literal':
      // Only an address on the local network is the local-network rule; a public one is simply not listed.
      return verdict.rule.includes(' on the local network: ') ? 'local-network' : 'not-allowed';
    case 'scheme':
      return 'scheme';
    default:
      return null;
  }
}

const MAX_HOST = 253;

/**
 * The host of a refused URL, lower-case, as the journal keeps it. blob: URLs count as their creator's
 * host; a URL without one (data:, file:, javascript:, mailto:) counts as its scheme ("file:"), so the
 * officer sees that schemes were tried without learning what. Null when nothing usable is left.
 */
export function refusalHost(rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
    if (url.protocol === 'blob:') url = new URL(url.pathname);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host === '') return /^[a-z][a-z0-9+.-]{0,30}:$/.test(url.protocol) ? url.protocol : null;
  if (host.length > MAX_HOST || !/^[a-z0-9[\]][a-z0-9.:[\]_-]*$/.test(host)) return null;
  return host;
}
