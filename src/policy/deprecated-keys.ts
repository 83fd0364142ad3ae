import type { LayerNote } from './printing';

/**
 * Keys a policy file may still carry from an older version that no longer do anything. They stay
 * valid (an old machine file keeps loading); `policy check` notes each one where it is written.
 */
const IGNORED_KEYS: { path: string[]; message: string }[] = [
  {
    path: ['staff', 'lockout'],
    message:
      'deprecated, ignored: a citizen could lock staff out with it; failed sign-ins now slow the whole kiosk down (1 s doubling to 5 min, for every id alike) and lock no account; remove staff.lockout',
  },
];

export function deprecatedKeyNotes(layer: Record<string, unknown>): LayerNote[] {
  return IGNORED_KEYS.filter(({ path }) => hasPath(layer, path)).map(({ path, message }) => ({ path, message }));
}

function hasPath(value: unknown, path: string[]): boolean {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !(key in current)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}
