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
  /**
   * A refusal, counted by the blocked-host journal. Answering true lets it through after all (a
   * rehearsal, src/blocked-journal/rehearsal.ts); anything else, a throw included, refuses.
   */
  blocked(kind: 'navigation' | 'window-open', url: string, verdict: NavigationVerdict, isMainFrame?: boolean): unknown;
  shortcutBlocked?(shortcut: BlockedShortcut): void;
}

export function attachContentsGuards(contents: GuardedContents, policy: () => Policy, events: ContentsGuardEvents): void {
  // Before the first page: no local addresses in ICE candidates, no UDP around the proxy.
  contents.setWebRTCIPHandlingPolicy(siteWebRtcIpHandlingPolicy);
  const guardNavigation = (event: NavigationEvent): void => {
    const verdict = decideNavigation(policy(), { url: event.url, isMainFrame: event.isMainFrame });
    if (verdict.allow) return;
    if (!letThrough(() => events.blocked('navigation', event.url, verdict, event.isMainFrame))) event.preventDefault();
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);

  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(policy(), url);
    if (decision.openInSameView || letThrough(() => events.blocked('window-open', url, decision.verdict))) {
      // The same view, never a second window: the guards above see this navigation again.
      contents.loadURL(url).catch(() => undefined);
    }
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());

  attachShortcutGuard(contents, events.shortcutBlocked);
}

/** Never fail open: only an explicit true from the journal lets a refusal through. */
function letThrough(ask: () => unknown): boolean {
  try {
    return ask() === true;
  } catch {
    return false;
  }
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
