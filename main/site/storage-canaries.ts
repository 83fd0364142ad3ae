import type { Policy } from '../../src/policy/schema';
import type { KioskClock } from '../../src/schedule/clock';
import { canaryPlantOrigin, describePlantResult, parseCanaryPlantResult } from '../../src/shell/canary-plant';
import { buildCanaryScript, type StorageCanaryValues } from '../../src/shell/canary-script';
import type { ScriptableContents } from './ports';

/**
 * Plants the storage canaries (localStorage, sessionStorage, IndexedDB, Cache Storage) once per
 * citizen session: on the first main-frame load of a page the policy allows that did not fail, the
 * script from src/shell/canary-script runs in our own isolated world. That world shares the origin's
 * storage with the page but none of its globals, so the site cannot see, wrap or fake our code.
 * A failure is logged and never ends the session: the wipe then simply has fewer markers to look for.
 */

/**
 * Our own world: not 0 (the page's), not 999 (Electron's contextIsolation world, unused by the
 * preload-less site view anyway) and below 1 << 20 (Electron's extension worlds).
 */
export const CANARY_WORLD_ID = 1717;
/** net::ERR_ABORTED: a load replaced by another navigation (or turned into a download): no error page. */
const ERR_ABORTED = -3;
/** A renderer that keeps refusing the script is not asked on every page of the session. */
const MAX_ATTEMPTS = 3;
/**
 * Electron answers executeJavaScriptInIsolatedWorld only once the script has run, which a page that
 * never finishes (or a hung renderer) may never let happen: past this, the attempt counts as failed.
 */
export const PLANT_TIMEOUT_MS = 15_000;

export interface StorageCanaryDeps {
  policy(): Policy;
  values: StorageCanaryValues;
  log(message: string): void;
  setTimer: KioskClock['setTimer'];
}

export type StorageCanaryState = 'waiting' | 'planting' | 'planted' | 'given-up';

export function armStorageCanaries(contents: ScriptableContents, deps: StorageCanaryDeps): { state(): StorageCanaryState } {
  const code = buildCanaryScript(deps.values);
  let state: StorageCanaryState = 'waiting';
  let attempts = 0;
  let mainFrameFailed = false;

  const plant = async (origin: string): Promise<void> => {
    attempts += 1;
    try {
      const answer = await withTimeout(contents.executeJavaScriptInIsolatedWorld(CANARY_WORLD_ID, [{ code }]), deps.setTimer);
      const result = parseCanaryPlantResult(answer);
      if (result === null) throw new Error('the page script gave no readable answer');
      // The page may have moved on before the script ran: only the origin we checked counts.
      if (result.origin !== origin) throw new Error('the script ran in another document');
      state = 'planted';
      deps.log(`storage canaries planted: ${describePlantResult(result)}`);
    } catch (error) {
      state = attempts < MAX_ATTEMPTS ? 'waiting' : 'given-up';
      const next = state === 'waiting' ? 'will retry on the next page' : 'giving up for this session';
      deps.log(`storage canaries not planted (${error instanceof Error ? error.message : String(error)}); ${next}`);
    }
  };

  contents.on('did-start-loading', () => {
    mainFrameFailed = false;
  });
  contents.on('did-fail-load', (_event, errorCode, _description, _url, isMainFrame) => {
    if (isMainFrame && errorCode !== ERR_ABORTED) mainFrameFailed = true;
  });
  contents.on('did-finish-load', () => {
    // Electron can report an error page as finished too: the failure flag keeps us out of it.
    if (state !== 'waiting' || mainFrameFailed) return;
    const origin = canaryPlantOrigin(deps.policy(), contents.getURL());
    if (origin === null) return;
    state = 'planting';
    void plant(origin);
  });
  return { state: () => state };
}

/** The script's answer, or a rejection once PLANT_TIMEOUT_MS has passed without one (a late answer is ignored). */
function withTimeout(answer: Promise<unknown>, setTimer: StorageCanaryDeps['setTimer']): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimer(PLANT_TIMEOUT_MS, () => reject(new Error(`the page did not answer within ${PLANT_TIMEOUT_MS / 1000} s`)));
    answer.then(
      (value) => {
        timer.cancel();
        resolve(value);
      },
      (error: unknown) => {
        timer.cancel();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
