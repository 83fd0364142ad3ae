import type { WipeTrigger } from '../audit/record-types';
import { crashPoint } from '../crash/crash-points';
import { loadCanaries } from './canaries';
import { wipeClipboard } from './clipboard';
import { wipeCredentialServices, type CredentialWipe } from './credentials';
import { writeJournal } from './journal';
import { buildWipeRecord } from './record';
import { defaultRemovalPolicy, removeTarget, type TargetResult } from './remove-target';
import { settleWipe } from './settle';
import { planTargets, type WipeTarget } from './targets';
import type { WipeDeps, WipeOutcome, WipeRequest, WipeRoots } from './types';
import { verifyWipe } from './verify';

export interface ExecuteOptions {
  wipeId: string;
  recoveredTrigger?: WipeTrigger;
  /** Recovery re-runs a wipe whose journal is already on disk: keep it as first written. */
  journalWritten?: boolean;
}

/** One wipe, start to finish, with the wipe lock already held and the roots already checked. */
export async function executeWipe(request: WipeRequest, deps: WipeDeps, options: ExecuteOptions): Promise<WipeOutcome> {
  const now = deps.now ?? (() => new Date());
  const { roots } = deps;
  const startedAt = now();
  const coveredShiftEnd = request.scope === 'shift' ? (request.coveredShiftEnd ?? deps.shiftEndCoveredAt?.(startedAt) ?? null) : null;
  const clock = performance.now();
  const targets = planTargets(request, roots);
  if (!options.journalWritten) {
    await writeJournal(roots.state, {
      version: 1,
      wipeId: options.wipeId,
      scope: request.scope,
      trigger: request.trigger,
      sessionId: request.scope === 'session' ? (request.sessionId ?? null) : null,
      coveredShiftEnd: coveredShiftEnd?.toISOString() ?? null,
      startedAt: startedAt.toISOString(),
      roots,
      credentialServices: deps.credentialServices,
    });
  }
  const canaries = await loadCanaries(roots.state, request.scope === 'session' ? request.sessionId : undefined);
  const policy = { ...defaultRemovalPolicy, ...deps.removal };
  const results: TargetResult[] = [];
  for (const target of targets) {
    crashPoint('wipe:before-target', target.label);
    results.push(await removeTarget(target, rootOf(target, roots), policy));
    crashPoint('wipe:after-target', target.label);
  }
  const credentials: CredentialWipe =
    request.scope === 'shift' ? await wipeCredentialServices(deps.credentialStore, deps.credentialServices) : { removed: 0, errors: [] };
  crashPoint('wipe:before-verify', request.scope);
  const verification = await verifyWipe(roots, targets, canaries);
  // Before the record: the record says whether it was done, and a failure fails this wipe.
  const clipboard = await wipeClipboard(deps.clipboard, deps.platform ?? process.platform);
  const record = buildWipeRecord({
    scope: request.scope,
    trigger: request.trigger,
    wipeId: options.wipeId,
    recoveredTrigger: options.recoveredTrigger,
    startedAt,
    endedAt: now(),
    durationMs: performance.now() - clock,
    results,
    credentials,
    clipboard,
    verification,
    canarySessions: canaries.sessions.length,
    coveredShiftEnd,
  });
  crashPoint('wipe:before-record', request.scope);
  let recordError: string | undefined;
  const recordWritten = await deps.audit.append(record).then(
    () => true,
    (error: unknown) => {
      recordError = error instanceof Error ? error.message : String(error);
      return false;
    },
  );
  const outcome = await settleWipe({
    stateRoot: roots.state,
    audit: deps.audit,
    record,
    recordWritten,
    coveredShiftEnd,
    canarySessionIds: canaries.sessions.map((c) => c.sessionId),
  });
  return recordError === undefined ? outcome : { ...outcome, recordError };
}

function rootOf(target: WipeTarget, roots: WipeRoots): string {
  if (target.kind === 'session-partition') return roots.sessionData;
  if (target.kind === 'session-downloads') return roots.downloads;
  return target.path;
}
