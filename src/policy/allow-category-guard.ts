import { hostMatches, isIpLiteral, type HostPattern } from './host-pattern';
import { localNetworkHost } from './local-network';

/**
 * What an allow category may never open, whatever it lists: chat apps (citizen data never goes through
 * them) and the local network (the unit's routers, printers, the kiosk itself). Checked twice: `policy
 * check` refuses such an entry (FILE:LINE:COL), and the URL decision skips it should one get through.
 * Built in rather than read from the policy, so a machine file that redefines `chat-apps` cannot lift it.
 */
export const chatDomains: readonly string[] = [
  'zalo.me', 'zalo.vn', 'zaloapp.com', 'zadn.vn',
  'viber.com',
  'facebook.com', 'fb.com', 'fb.me', 'fbcdn.net', 'messenger.com', 'm.me',
  'telegram.org', 'telegram.me', 't.me',
  'whatsapp.com', 'whatsapp.net', 'wa.me',
];

/** Why an allow-category pattern is refused, or undefined when it may stand. */
export function allowCategoryPatternProblem(pattern: HostPattern, extraChatPatterns: readonly HostPattern[] = []): string | undefined {
  const chat = chatDomains.find((domain) => overlapsDomain(pattern, domain));
  if (chat) return `"${pattern.text}" is a chat app (${chat}); an allow category can never open chat apps`;
  const listed = extraChatPatterns.find((other) => overlaps(pattern, other));
  if (listed) return `"${pattern.text}" is in the chat-apps category (${listed.text}); an allow category can never open chat apps`;
  const local = isIpLiteral(pattern.host) ? localNetworkHost(pattern.host) : localNetworkHost(pattern.kind === 'suffix' ? `x.${pattern.host}` : pattern.host);
  if (local) return `"${pattern.text}" is on the local network (${local.range}); an allow category can never open the local network`;
  return undefined;
}

/** The runtime half: a host an allow category must not open even if its pattern matched. */
export function allowCategoryRefusesHost(host: string): boolean {
  return localNetworkHost(host) !== undefined || chatDomains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** Whether pattern's hosts and the domain's hosts (the domain and its subdomains) meet. */
function overlapsDomain(pattern: HostPattern, domain: string): boolean {
  if (pattern.host === domain || pattern.host.endsWith(`.${domain}`)) return true;
  // `*.me` reaches zalo.me: a wildcard above a chat domain covers it.
  return pattern.kind === 'suffix' && domain.endsWith(`.${pattern.host}`);
}

function overlaps(a: HostPattern, b: HostPattern): boolean {
  const sample = (p: HostPattern) => (p.kind === 'exact' ? p.host : `x.${p.host}`);
  return hostMatches(a, sample(b)) || hostMatches(b, sample(a));
}
