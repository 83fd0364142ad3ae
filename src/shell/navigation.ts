import type { Policy } from '../policy/schema';
import { decideUrl, type UrlDecision } from '../policy/url-rules';

/**
 * Where the site view may go: the same rules as `policy check-url` (decideUrl), plus the two
 * inner-document cases every real site needs that carry no network request of their own.
 */

export interface NavigationRequest {
  url: string;
  isMainFrame: boolean;
}

export interface NavigationVerdict {
  allow: boolean;
  code: UrlDecision['code'] | 'inline-frame' | 'same-origin-blob';
  rule: string;
}

export function decideNavigation(policy: Policy, request: NavigationRequest): NavigationVerdict {
  const { url } = request;
  // An iframe's srcdoc document (about:srcdoc) comes from its parent page, which passed these rules.
  if (!request.isMainFrame && url === 'about:srcdoc') return { allow: true, code: 'inline-frame', rule: 'allow about:srcdoc (frame of an allowed page)' };
  if (url.startsWith('blob:')) return decideBlob(policy, url);
  const decision = decideUrl(policy, url);
  return { allow: decision.allowed, code: decision.code, rule: decision.rule };
}

/**
 * A blob: URL holds bytes a page created; its origin is the creator's (blob:https://host/uuid).
 * Allowed exactly when that origin is: a receipt an allowed site builds in the browser opens, and
 * nothing another site made does. Opaque origins (blob:null/…) are refused.
 */
function decideBlob(policy: Policy, url: string): NavigationVerdict {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return { allow: false, code: 'invalid-url', rule: 'deny invalid URL' };
  }
  if (origin === 'null') return { allow: false, code: 'scheme', rule: 'deny blob: without an origin' };
  const decision = decideUrl(policy, `${origin}/`);
  if (!decision.allowed) return { allow: false, code: decision.code, rule: `${decision.rule} (blob: of ${origin})` };
  return { allow: true, code: 'same-origin-blob', rule: `${decision.rule} (blob: of ${origin})` };
}

/**
 * window.open / target=_blank: the kiosk never opens a second window. An allowed target replaces
 * the current page in the same view; anything else is refused. about:blank popups (written into by
 * script) are refused too: there is no window to write into.
 */
export function decideWindowOpen(policy: Policy, url: string): { openInSameView: boolean; verdict: NavigationVerdict } {
  if (url === 'about:blank' || url === '') return { openInSameView: false, verdict: { allow: false, code: 'not-allowed', rule: 'deny empty popup window' } };
  const verdict = decideNavigation(policy, { url, isMainFrame: true });
  return { openInSameView: verdict.allow, verdict };
}
