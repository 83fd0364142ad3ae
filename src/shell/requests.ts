import type { Policy } from '../policy/schema';
import { decideUrl, type UrlDecisionCode } from '../policy/url-rules';
import { decideNavigation, type NavigationVerdict } from './navigation';

/**
 * The network-layer check on every request a site session makes (session.webRequest), and what
 * `policy check-url --type` shows: one function for both, so the IT officer sees the kiosk's decision.
 * Documents (main frame, frames, and <object>/<embed> documents, which are frames by another name)
 * follow the navigation rules, which also catches navigations no will-navigate event reports.
 * Everything else (scripts, images, fetch, WebSocket, beacons) may come from hosts the policy does
 * not list, as real sites load from CDNs, but never from a host the policy denies or a blocked
 * category (citizen data must not reach a chat app through a script or a form post either), and never
 * from an IP address or the local network (localhost, routers, printers, the kiosk itself) unless a
 * rule names that host.
 */

export const requestTypes = ['main-frame', 'sub-frame', 'subresource', 'websocket'] as const;
export type RequestType = (typeof requestTypes)[number];

export interface RequestQuery {
  url: string;
  type: RequestType;
}

/** Electron's webRequest resourceType → the kind of request the rules judge. */
export function requestTypeOf(resourceType: string): RequestType {
  switch (resourceType) {
    case 'mainFrame':
      return 'main-frame';
    case 'subFrame':
    case 'object':
      return 'sub-frame';
    case 'webSocket':
      return 'websocket';
    default:
      return 'subresource';
  }
}

const webSocketAsHttp: Record<string, string> = { 'wss:': 'https:', 'ws:': 'http:' };

/** Codes that refuse a subresource even though subresources need no allow rule. */
const subresourceDenials: ReadonlySet<UrlDecisionCode> = new Set<UrlDecisionCode>([
  'deny-rule',
  'category',
  'userinfo',
  'invalid-policy',
  'ip-literal',
  'local-network',
]);

export function decideRequest(policy: Policy, query: RequestQuery): NavigationVerdict {
  if (query.type === 'main-frame' || query.type === 'sub-frame') {
    return decideNavigation(policy, { url: query.url, isMainFrame: query.type === 'main-frame' });
  }
  let url: URL;
  try {
    url = new URL(query.url);
  } catch {
    return { allow: false, code: 'invalid-url', rule: 'deny invalid URL' };
  }
  const httpScheme = webSocketAsHttp[url.protocol];
  if (httpScheme !== undefined) url.protocol = httpScheme;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { allow: true, code: 'allowed', rule: `allow ${url.protocol} subresource (no network)` };
  const decision = decideUrl(policy, url.href);
  if (subresourceDenials.has(decision.code)) return { allow: false, code: decision.code, rule: decision.rule };
  return { allow: true, code: 'allowed', rule: decision.allowed ? decision.rule : 'allow subresource from a host not denied' };
}
