import type { Policy } from '../../src/policy/schema';
import { decidePermission, type PermissionQuery } from '../../src/shell/permissions';
import { decideRequest, requestTypeOf, type RequestType } from '../../src/shell/requests';
import type { NavigationVerdict } from '../../src/shell/navigation';
import type { PermissionRequestDetails, SiteSessionPort } from './ports';

/**
 * Guards on a citizen's session: permissions (request and check), device pickers, screen capture,
 * spellcheck, and the network-layer request check. Downloads are attached separately (they need
 * the session id). Installed once, right after the partition is created and before any page loads.
 */
export function installSessionGuards(
  session: SiteSessionPort,
  policy: () => Policy,
  /** Counted by the blocked-host journal; answering true lets the request through (a rehearsal). */
  onRequestBlocked: (url: string, verdict: NavigationVerdict, type: RequestType) => unknown,
): void {
  session.setSpellCheckerEnabled(false);

  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(decidePermission(policy(), requestQuery(contents, permission, details)).granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const query = details.embeddingOrigin === undefined
      ? { permission, requestingUrl: requestingOrigin }
      : { permission, requestingUrl: requestingOrigin, embeddingOrigin: details.embeddingOrigin };
    return decidePermission(policy(), query).granted;
  });

  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  const refuseDevice = (event: { preventDefault(): void }, _details: unknown, callback: (deviceId?: string | null) => void): void => {
    event.preventDefault();
    callback(null);
  };
  session.on('select-hid-device', refuseDevice);
  session.on('select-usb-device', refuseDevice);
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });

  session.webRequest.onBeforeRequest((details, callback) => {
    const type = requestTypeOf(details.resourceType);
    const verdict = decideRequest(policy(), { url: details.url, type });
    let allow = verdict.allow;
    if (!allow) {
      try {
        allow = onRequestBlocked(details.url, verdict, type) === true;
      } catch {
        allow = false;
      }
    }
    callback({ cancel: !allow });
  });
}

/**
 * A permission request judged like a check: the requesting frame's URL and, from a subframe, the
 * top-level page's URL as the embedder (a frame the policy names, embedded by a page it does not
 * name, gets nothing). Electron gives a request no embedding origin: the top level is the
 * requesting contents' own URL. A subframe request whose top level cannot be read is refused
 * (an empty embedder would skip the embedder rule), and so is one that does not say which frame it is.
 */
function requestQuery(contents: unknown, permission: string, details: PermissionRequestDetails): PermissionQuery {
  const requestingUrl = details.requestingUrl ?? '';
  if (details.isMainFrame === true) return { permission, requestingUrl };
  const top = topLevelUrl(contents);
  return { permission, requestingUrl, embeddingOrigin: top === undefined || top === '' ? 'unreadable:' : top };
}

function topLevelUrl(contents: unknown): string | undefined {
  if (contents === null || typeof contents !== 'object' || !('getURL' in contents) || typeof contents.getURL !== 'function') return undefined;
  try {
    const url: unknown = contents.getURL();
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}
