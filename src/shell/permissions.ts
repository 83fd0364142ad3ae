import { canonicalHost, hostMatches, parseHostPattern } from '../policy/host-pattern';
import type { PermissionName, Policy } from '../policy/schema';
import { permissionName } from '../policy/schema';
import { decideUrl } from '../policy/url-rules';

/**
 * Web permissions for the site view. Electron grants everything unless told otherwise; here every
 * request and every check is refused unless policy.permissions.allow names that permission for the
 * requesting host, the host is an allowed site, and (in a frame) the embedding page's host is named
 * for it too. Names Electron knows but the policy cannot grant (openExternal, usb, …) are refused.
 */

export interface PermissionQuery {
  permission: string;
  /** The requesting origin or URL (Electron gives one or the other depending on the handler). */
  requestingUrl: string;
  /** The top-level page's origin when the request comes from a frame. */
  embeddingOrigin?: string;
}

export interface PermissionVerdict {
  granted: boolean;
  reason: 'policy-allows' | 'unknown-permission' | 'not-in-policy' | 'site-not-allowed' | 'embedder-not-in-policy' | 'invalid-origin';
}

function isGrantable(name: string): name is PermissionName {
  return permissionName.safeParse(name).success;
}

function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? canonicalHost(parsed.hostname) : undefined;
  } catch {
    return undefined;
  }
}

function policyNames(policy: Policy, permission: PermissionName, host: string): boolean {
  return policy.permissions.allow.some((entry) => {
    if (entry.permission !== permission) return false;
    const parsed = parseHostPattern(entry.host);
    return parsed.ok && hostMatches(parsed.pattern, host);
  });
}

export function decidePermission(policy: Policy, query: PermissionQuery): PermissionVerdict {
  if (!isGrantable(query.permission)) return { granted: false, reason: 'unknown-permission' };
  const host = hostOf(query.requestingUrl);
  if (host === undefined) return { granted: false, reason: 'invalid-origin' };
  if (!policyNames(policy, query.permission, host)) return { granted: false, reason: 'not-in-policy' };
  if (!decideUrl(policy, query.requestingUrl).allowed) return { granted: false, reason: 'site-not-allowed' };
  if (query.embeddingOrigin !== undefined && query.embeddingOrigin !== '') {
    const embedder = hostOf(query.embeddingOrigin);
    if (embedder === undefined || !policyNames(policy, query.permission, embedder)) return { granted: false, reason: 'embedder-not-in-policy' };
  }
  return { granted: true, reason: 'policy-allows' };
}
