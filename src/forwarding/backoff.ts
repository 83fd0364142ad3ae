/**
 * Delay before retry number `attempt` (1 = first retry): exponential with "full jitter" (a random
 * time between 0 and the exponential cap), so that hundreds of kiosks coming back after one outage
 * spread their reconnections instead of arriving together. Never below `minMs`.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  minMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 2_000, maxMs: 5 * 60_000, minMs: 500 };

export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = defaultBackoff): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const cap = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  return Math.max(options.minMs, Math.floor(random() * cap));
}
