import type { WipeTrigger } from '../../audit/record-types';
import { readServiceState } from '../../state/service-state';
import { asUsageError, recoverForCli, wipeContextForCli } from '../wipe-context';
import { describeWipe } from '../wipe-format';
import { runWipe } from '../../wipe/run-wipe';
import type { WipeOutcome, WipeRequest } from '../../wipe/types';
import type { Command, OptionValues } from '../command';
import { stringOption } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { runWipeIfDue } from './wipe-if-due';
import { lastAppliedOption, lastAppliedOptionHelp, vouchForLastApplied } from '../last-applied-for-cli';
import { jsonOption, jsonOptionHelp, policyOption, policyOptionHelp, rootOptionHelp, rootOptions } from '../shared-options';

const triggers: WipeTrigger[] = ['manual', 'shift-end', 'catch-up', 'session-end', 'idle', 'startup-recovery', 'crash'];

export const wipeCommand: Command = {
  words: ['wipe'],
  changesState: true,
  summary: 'Wipe now (default: the full shift wipe), verify it, record it; a failure puts the kiosk out of service.',
  usage: 'wipe [--if-due] [--reason R] [--scope shift|session [--session ID]] [--json]',
  options: {
    'if-due': { type: 'boolean' },
    reason: { type: 'string' },
    scope: { type: 'string' },
    session: { type: 'string' },
    ...jsonOption,
    ...policyOption,
    ...rootOptions,
    ...lastAppliedOption,
  },
  optionHelp: {
    'if-due': 'Run the shift wipe only when one is owed (for the OS scheduler); leave it to a running kiosk unless it let the wipe wait too long. Exit 0 and "not due" otherwise.',
    reason: `Why the wipe runs, written to the audit record: ${triggers.join(', ')} (default manual).`,
    scope: "'shift' (default): empty session-data, downloads, the policy's extra paths and session paths, delete its credential services. 'session': one session, and empty the session paths (scanner folders).",
    session: 'With --scope session: the session (partition) name whose partition and downloads folder to remove.',
    ...jsonOptionHelp,
    ...policyOptionHelp,
    ...rootOptionHelp,
    ...lastAppliedOptionHelp,
  },
  details: [
    'A wipe in the Task Scheduler or a systemd timer runs exactly as the kiosk runs it: journal first,',
    'deletion with retries, then proof (every target gone, canary scan in UTF-8 and UTF-16LE), then',
    'the audit record. An interrupted wipe is finished before anything else.',
    '',
    'Exit 0: wiped and verified. Exit 1: the wipe FAILED (what is left is listed); the kiosk is out of',
    'service until a later shift wipe succeeds. Exit 2: bad input or a dangerous root (a filesystem',
    'root, a home or system folder, overlapping roots, a symbolic link): nothing was deleted.',
  ].join('\n'),
  async run(context) {
    if (context.values['if-due'] === true) return runWipeIfDue(context);
    const { positionals, values, io } = context;
    if (positionals.length > 0) throw new UsageError(`wipe takes no arguments (got '${positionals[0]}'; see --help)`);
    const request = requestFrom(values);
    const wipe = wipeContextForCli(values, io);
    await vouchForLastApplied(values, io, wipe.deps.roots.state, wipe.store);
    const recovered = await recoverForCli(wipe, io);
    let outcome: WipeOutcome;
    try {
      outcome = await runWipe(request, wipe.deps);
    } catch (error) {
      throw asUsageError(error);
    }
    const state = await readServiceState(wipe.deps.roots.state);
    if (values.json === true) {
      const report = { ...outcome, recovered: recovered?.record ?? null, outOfService: state.outOfService };
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      io.stdout.write(`${describeWipe(outcome.record).join('\n')}\n`);
      if (!outcome.recordWritten) io.stdout.write(`The audit log could not take the record: ${outcome.recordError ?? 'see public-kiosk status'}.\n`);
      if (state.outOfService) io.stdout.write(`The kiosk is OUT OF SERVICE (${state.outOfService.reason}) until a shift wipe succeeds.\n`);
    }
    return outcome.ok ? ExitCode.ok : ExitCode.failed;
  },
};

function requestFrom(values: OptionValues): WipeRequest {
  const reason = stringOption(values, 'reason') ?? 'manual';
  if (!triggers.includes(reason as WipeTrigger)) throw new UsageError(`--reason must be one of ${triggers.join(', ')}`);
  const scope = stringOption(values, 'scope') ?? 'shift';
  const session = stringOption(values, 'session');
  if (scope === 'shift') {
    if (session !== undefined) throw new UsageError('--session goes with --scope session');
    return { scope, trigger: reason as WipeTrigger };
  }
  if (scope !== 'session') throw new UsageError("--scope must be 'shift' or 'session'");
  if (session === undefined) throw new UsageError('--scope session needs --session ID');
  return { scope, trigger: reason as WipeTrigger, sessionId: session };
}
