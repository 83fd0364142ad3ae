import { findWipeRecord } from '../audit/recent';
import { removeOrphanTempFiles } from '../state/atomic-file';
import { processAlive } from '../state/file-lock';
import { stateFiles } from '../state/state-files';
import { loadCanaries } from './canaries';
import { executeWipe } from './execute-wipe';
import { readJournal, UNREADABLE_JOURNAL } from './journal';
import { newWipeId } from './record';
import { assertSafeRoots } from './root-safety';
import { takeWipeLock } from './wipe-lock';
import { settleWipe } from './settle';
import type { WipeDeps, WipeOutcome, WipeRequest } from './types';

/**
 * Called first at every start of the CLI and the kiosk: finishes a wipe that a crash or power cut
 * interrupted. Null when there was none (or another live process is finishing it right now).
 */
export async function recoverInterruptedWipe(deps: WipeDeps): Promise<WipeOutcome | null> {
  if ((await readJournal(deps.roots.state)) === null) return null;
  const lock = await takeWipeLock(deps);
  try {
    return await finishPendingWipe(deps);
  } finally {
    await lock.release();
  }
}

/**
 * With the wipe lock held. A journal whose wipe was already recorded only needs what follows the
 * record (one record per wipe, never two); otherwise the wipe runs again under its own id, on the
 * roots it was started with, as 'startup-recovery'. An unreadable journal: a full shift wipe.
 */
export async function finishPendingWipe(deps: WipeDeps): Promise<WipeOutcome | null> {
  const state = deps.roots.state;
  await removeOrphanTempFiles(state, processAlive);
  await removeOrphanTempFiles(stateFiles(state).canaries, processAlive);
  const journal = await readJournal(state);
  if (journal === null) return null;
  if (journal === UNREADABLE_JOURNAL) {
    await assertSafeRoots(deps.roots, deps.credentialServices);
    return executeWipe({ scope: 'shift', trigger: 'startup-recovery' }, deps, { wipeId: newWipeId() });
  }
  const coveredShiftEnd = journal.coveredShiftEnd ? new Date(journal.coveredShiftEnd) : null;
  const recorded = await findWipeRecord(state, journal.wipeId);
  if (recorded) {
    const canaries = journal.scope === 'shift' ? await loadCanaries(state) : { sessions: [] };
    return settleWipe({
      stateRoot: state,
      audit: deps.audit,
      record: recorded,
      recordWritten: true,
      coveredShiftEnd,
      canarySessionIds: canaries.sessions.map((c) => c.sessionId),
    });
  }
  const recoveryDeps: WipeDeps = {
    ...deps,
    roots: { ...journal.roots, state },
    credentialServices: journal.credentialServices,
  };
  await assertSafeRoots(recoveryDeps.roots, recoveryDeps.credentialServices);
  const request: WipeRequest = {
    scope: journal.scope,
    trigger: 'startup-recovery',
    ...(journal.sessionId !== null ? { sessionId: journal.sessionId } : {}),
    ...(coveredShiftEnd ? { coveredShiftEnd } : {}),
  };
  return executeWipe(request, recoveryDeps, { wipeId: journal.wipeId, recoveredTrigger: journal.trigger, journalWritten: true });
}
