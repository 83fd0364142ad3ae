import type { Policy } from '../../src/policy/schema';
import { decideNavigation, decideWindowOpen, type NavigationVerdict } from '../../src/shell/navigation';
import { siteWebRtcIpHandlingPolicy } from '../../src/shell/security-settings';
import { matchShortcut, type BlockedShortcut } from '../../src/shell/shortcuts';
import type { GuardedContents, NavigationEvent } from './ports';

/**
 * Guards on a site view's webContents, every one deciding through src/shell (the rules of
 * `policy check-url`). Blocked navigations are reported so the UI can say "this site is not
 * available here"; nothing about the URL beyond its host reaches the status.
 */

export interface ContentsGuardEvents {
  blocked(kind: 'navigation' | 'window-open', url: string, verdict: NavigationVerdict): void;
  shortcutBlocked?(shortcut: BlockedShortcut): void;
}

export function attachContentsGuards(contents: GuardedContents, policy: () => Policy, events: ContentsGuardEvents): void {
  // Before the first page: no local addresses in ICE candidates, no UDP around the proxy.
  contents.setWebRTCIPHandlingPolicy(siteWebRtcIpHandlingPolicy);
  const guardNavigation = (event: NavigationEvent): void => {
    const verdict = decideNavigation(policy(), { url: event.url, isMainFrame: event.isMainFrame });
    if (verdict.allow) return;
    event.preventDefault();
    events.blocked('navigation', event.url, verdict);
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);

  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(policy(), url);
    if (decision.openInSameView) {
      // The same view, never a second window: the guards above see this navigation again.
      contents.loadURL(url).catch(() => undefined);
    } else {
      events.blocked('window-open', url, decision.verdict);
    }
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());

  attachShortcutGuard(contents, events.shortcutBlocked);
}

/** Used on both views: the UI's webContents swallows the same shortcuts. */
export function attachShortcutGuard(
  contents: Pick<GuardedContents, 'on'>,
  onBlocked: ((shortcut: BlockedShortcut) => void) | undefined,
): void {
  contents.on('before-input-event', (event, input) => {
    const shortcut = matchShortcut(input);
    if (shortcut === undefined) return;
    event.preventDefault();
    onBlocked?.(shortcut);
  });
}
