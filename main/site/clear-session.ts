import type { SiteSessionPort } from './ports';

/**
 * Clears a citizen's partition through the browser's own APIs after its view has closed. Every step
 * runs even when an earlier one fails, and each failure is named: the caller turns any failure into a
 * failed session wipe (out of service), never into "probably fine". The partition itself is never
 * used again: the next citizen gets a new random one.
 */
export const clearSteps = [
  'clearData',
  'clearCache',
  'clearAuthCache',
  'clearCodeCaches',
  'clearHostResolverCache',
  'closeAllConnections',
] as const;

export type ClearStep = (typeof clearSteps)[number];

export type ClearResult = { ok: true } | { ok: false; failed: { step: ClearStep; message: string }[] };

function run(session: SiteSessionPort, step: ClearStep): Promise<void> {
  switch (step) {
    case 'clearData':
      return session.clearData();
    case 'clearCache':
      return session.clearCache();
    case 'clearAuthCache':
      return session.clearAuthCache();
    case 'clearCodeCaches':
      return session.clearCodeCaches({ urls: [] });
    case 'clearHostResolverCache':
      return session.clearHostResolverCache();
    case 'closeAllConnections':
      return session.closeAllConnections();
  }
}

export async function clearSiteSession(session: SiteSessionPort): Promise<ClearResult> {
  const failed: { step: ClearStep; message: string }[] = [];
  for (const step of clearSteps) {
    try {
      await run(session, step);
    } catch (error) {
      failed.push({ step, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return failed.length === 0 ? { ok: true } : { ok: false, failed };
}
