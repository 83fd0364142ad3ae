import type { BlockedKind } from './refusal';
import type { RefusalVerdict } from './refusal';

/**
 * Rehearsal (audit mode): an admin walks a journey once so the IT officer learns which hosts it
 * needs. Only what the allowlist merely does not list is let through (and counted); chat apps and
 * other categories, deny rules, the local network, schemes and download checks refuse exactly as in
 * a citizen session. Subresources never need an allow rule, so they are not affected.
 */

/** Idle timeout of a rehearsal: short, because an admin who walks away leaves a session open. */
export const REHEARSAL_IDLE_SECONDS = 180;
export const REHEARSAL_IDLE_WARNING_SECONDS = 30;

const passable: ReadonlySet<BlockedKind> = new Set<BlockedKind>(['navigation', 'frame', 'popup']);

/** True when a rehearsal lets this refusal through: a document the allowlist does not list. */
export function rehearsalLetsThrough(kind: BlockedKind, verdict: RefusalVerdict & { allow: boolean }): boolean {
  return !verdict.allow && passable.has(kind) && verdict.code === 'not-allowed';
}
