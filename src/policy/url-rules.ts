import { allowCategoryRefusesHost } from './allow-category-guard';
import { canonicalHost, hostMatches, isIpLiteral, parseHostPattern, type HostPattern } from './host-pattern';
import { localNetworkHost } from './local-network';
import { categoryHostPattern, type Policy } from './schema';

/**
 * The one place that decides whether the kiosk may open a URL. Order, first match wins:
 *   1. `about:blank` (exactly) is allowed: Chromium opens every new view on it and it has no content.
 *   2. unparseable → invalid-url; any scheme but http/https → scheme (file:, data:, blob:, javascript:, …).
 *   3. user info (`https://a@host`) → userinfo, always: a kiosk never needs it and it disguises hosts.
 *   4. deny rules, then blocked categories → deny-rule / category (deny always beats allow).
 *   5. allow rules matching the host (most specific first): allowed if one permits the scheme and port.
 *   5b. allowed categories (sites.allowCategories): like allow rules with sites.schemes and default
 *      ports — except that they never open a chat app or the local network (allow-category-guard.ts).
 *   6. otherwise IP literal → ip-literal; a local-network name (localhost, a single label, .local, …,
 *      see local-network.ts) → local-network; non-default port → port; allowlist mode → not-allowed;
 *      blocklist mode allows what is left if its scheme is in sites.schemes.
 */

export type UrlDecisionCode =
  | 'allowed'
  | 'scheme'
  | 'userinfo'
  | 'ip-literal'
  | 'local-network'
  | 'port'
  | 'category'
  | 'deny-rule'
  | 'not-allowed'
  | 'invalid-url'
  | 'invalid-policy';

export interface UrlDecision {
  allowed: boolean;
  /** The rule that decided, for people: 'allow *.dichvucong.gov.vn', 'deny scheme file:'. */
  rule: string;
  /** Stable machine code for logs and tests. */
  code: UrlDecisionCode;
}

interface CompiledRule {
  pattern: HostPattern;
  schemes: readonly string[];
  ports: readonly number[];
}

interface CompiledSites {
  mode: Policy['sites']['mode'];
  schemes: readonly string[];
  allow: CompiledRule[];
  deny: HostPattern[];
  categories: { name: string; pattern: HostPattern }[];
  allowedCategories: { name: string; pattern: HostPattern }[];
}

/** Policies are immutable once loaded, so each is compiled once. */
const cache = new WeakMap<Policy['sites'], CompiledSites>();

export function decideUrl(policy: Policy, url: string): UrlDecision {
  try {
    return decide(compile(policy.sites), url);
  } catch (error) {
    // Never fail open: a caller's navigation guard treats anything but allowed:true as "block".
    return deny('invalid-policy', `deny: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function decide(sites: CompiledSites, raw: string): UrlDecision {
  if (raw === 'about:blank') return { allowed: true, code: 'allowed', rule: 'allow about:blank (empty page)' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return deny('invalid-url', 'deny invalid URL');
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme !== 'https' && scheme !== 'http') return deny('scheme', `deny scheme ${url.protocol}`);
  if (url.username !== '' || url.password !== '') return deny('userinfo', 'deny user info in URL (user@host)');
  const host = canonicalHost(url.hostname);

  const denied = sites.deny.find((pattern) => hostMatches(pattern, host));
  if (denied) return deny('deny-rule', `deny ${denied.text}`);
  const blocked = sites.categories.find((entry) => hostMatches(entry.pattern, host));
  if (blocked) return deny('category', `deny category ${blocked.name} (${blocked.pattern.text})`);

  const port = url.port === '' ? undefined : Number(url.port);
  const matching = sites.allow.filter((rule) => hostMatches(rule.pattern, host));
  const permitting = matching.find((rule) => rule.schemes.includes(scheme) && (port === undefined || rule.ports.includes(port)));
  if (permitting) return { allowed: true, code: 'allowed', rule: `allow ${permitting.pattern.text}` };
  const closest = matching[0];
  if (!closest && port === undefined && sites.schemes.includes(scheme) && !allowCategoryRefusesHost(host)) {
    const listed = sites.allowedCategories.find((entry) => hostMatches(entry.pattern, host));
    if (listed) return { allowed: true, code: 'allowed', rule: `allow category ${listed.name} (${listed.pattern.text})` };
  }
  if (closest) {
    if (!closest.schemes.includes(scheme)) {
      return deny('scheme', `deny scheme ${url.protocol} (allow ${closest.pattern.text} permits ${closest.schemes.join(', ')} only)`);
    }
    return deny('port', `deny port ${port} (allow ${closest.pattern.text} does not list it in ports)`);
  }
  const local = localNetworkHost(host);
  if (isIpLiteral(host)) return deny('ip-literal', `deny IP address ${host}${local ? ` on the local network: ${local.range}` : ''} (no rule names it)`);
  if (local) return deny('local-network', `deny local network host ${host}: ${local.range} (no rule names it)`);
  if (port !== undefined) return deny('port', `deny port ${port} (no rule lists it)`);
  if (sites.mode === 'allowlist') return deny('not-allowed', 'deny not in allowlist');
  if (!sites.schemes.includes(scheme)) return deny('scheme', `deny scheme ${url.protocol} (sites.schemes: ${sites.schemes.join(', ')})`);
  return { allowed: true, code: 'allowed', rule: 'allow not denied (blocklist mode)' };
}

function compile(sites: Policy['sites']): CompiledSites {
  const known = cache.get(sites);
  if (known) return known;
  const allow = sites.allow
    .map((rule) => ({ pattern: pattern(rule.host), schemes: rule.schemes ?? sites.schemes, ports: rule.ports ?? [] }))
    .sort((a, b) => specificity(b.pattern) - specificity(a.pattern));
  const listed = (names: readonly string[], kind: string) => names.flatMap((name) => {
    const category = sites.categories[name];
    if (!category) throw new Error(`${kind} category "${name}" is not defined`);
    return category.hosts.map((entry) => ({ name, pattern: pattern(categoryHostPattern(entry)) }));
  });
  const categories = listed(sites.blockCategories, 'blocked');
  const allowedCategories = listed(sites.allowCategories, 'allowed');
  const compiled: CompiledSites = {
    mode: sites.mode,
    schemes: sites.schemes,
    allow,
    deny: sites.deny.map((rule) => pattern(rule.host)),
    categories,
    allowedCategories,
  };
  cache.set(sites, compiled);
  return compiled;
}

function pattern(text: string): HostPattern {
  const parsed = parseHostPattern(text);
  if (!parsed.ok) throw new Error(`host pattern "${text}" ${parsed.message}`);
  return parsed.pattern;
}

/** Exact hosts before wildcards, longer suffixes before shorter: the rule named is the closest one. */
function specificity(p: HostPattern): number {
  return (p.kind === 'exact' ? 1_000_000 : 0) + p.host.length;
}

function deny(code: UrlDecisionCode, rule: string): UrlDecision {
  return { allowed: false, code, rule };
}
