import type { Policy } from '../policy/schema';
import { STORAGE_CANARY_KINDS, type CanaryPlantResult, type StorageCanaryKind, type StoreOutcome } from './canary-script';
import { decideNavigation } from './navigation';

/**
 * The decisions around planting the storage canaries: where the script may run, and what its answer
 * (which comes from a renderer, so it is untrusted) says.
 */

/**
 * The origin the canaries may be planted in after a main-frame load of `url`, or null: only a page
 * the policy allows, and only http(s) (the stores are per origin; any other scheme has none of ours).
 */
export function canaryPlantOrigin(policy: Policy, url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return decideNavigation(policy, { url, isMainFrame: true }).allow ? parsed.origin : null;
}

const OUTCOMES: readonly StoreOutcome[] = ['written', 'unavailable', 'failed'];

/** The script's answer checked field by field; anything else (a page that swapped it, a crash) is null. */
export function parseCanaryPlantResult(value: unknown): CanaryPlantResult | null {
  if (typeof value !== 'object' || value === null) return null;
  const { origin, stores, errors } = value as Record<string, unknown>;
  if (typeof origin !== 'string' || origin.length > 300) return null;
  if (typeof stores !== 'object' || stores === null || typeof errors !== 'object' || errors === null) return null;
  const result: CanaryPlantResult = { origin, stores: {} as Record<StorageCanaryKind, StoreOutcome>, errors: {} };
  for (const kind of STORAGE_CANARY_KINDS) {
    const outcome = (stores as Record<string, unknown>)[kind];
    if (!OUTCOMES.includes(outcome as StoreOutcome)) return null;
    result.stores[kind] = outcome as StoreOutcome;
    const error = (errors as Record<string, unknown>)[kind];
    if (typeof error === 'string' && /^[A-Za-z]{1,40}$/.test(error)) result.errors[kind] = error;
  }
  return result;
}

/** One log line: which stores were written; never a value, a URL or an origin. */
export function describePlantResult(result: CanaryPlantResult): string {
  return STORAGE_CANARY_KINDS.map((kind) => {
    const error = result.errors[kind];
    return `${kind} ${result.stores[kind]}${error ? ` (${error})` : ''}`;
  }).join(', ');
}
