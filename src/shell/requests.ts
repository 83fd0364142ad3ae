import type { Policy } from '../policy/schema';
import { decideUrl } from '../policy/url-rules';
import { decideNavigation, type NavigationVerdict } from './navigation';

/**
 * The network-layer check on every request a site session makes (session.webRequest). Documents
 * (main frame, frames) follow the navigation rules, which also catches navigations no will-navigate
 * event reports. Everything else (scripts, images, fetch, WebSocket, beacons) may come from hosts the
 * policy does not list, as real sites load from CDNs, but never from a host the policy denies or a
 * blocked category: citizen data must not reach a chat app through a script or a form post either.
 */

export interface RequestQuery {
  url: string;
  resourceType: string;
}

const webSocketAsHttp: Record<string, string> = { 'wss:': 'https:', 'ws:': 'http:' };

export function decideRequest(policy: Policy, query: RequestQuery): NavigationVerdict {
  if (query.resourceType === 'mainFrame' || query.resourceType === 'subFrame') {
    return decideNavigation(policy, { url: query.url, isMainFrame: query.resourceType === 'mainFrame' });
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
  if (decision.code === 'deny-rule' || decision.code === 'category' || decision.code === 'userinfo' || decision.code === 'invalid-policy') {
    return { allow: false, code: decision.code, rule: decision.rule };
  }
  return { allow: true, code: 'allowed', rule: decision.allowed ? decision.rule : 'allow subresource from a host not denied' };
}
