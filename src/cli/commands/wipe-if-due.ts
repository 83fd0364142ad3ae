import { wipeIfDue, type WipeIfDueOutcome } from '../../liveness/wipe-if-due';
import { markOutOfService, readServiceState } from '../../state/service-state';
import { asUsageError, wipeContextForCli } from '../wipe-context';
import { vouchForLastApplied } from '../last-applied-for-cli';
import { describeWipe } from '../wipe-format';
import { runWipe } from '../../wipe/run-wipe';
import type { WipeOutcome } from '../../wipe/types';
import { stringOption, type CommandContext } from '../command';
import { ExitCode, UsageError } from '../exit-codes';

const exitCodes: Record<WipeIfDueOutcome, number> = {
  'not-due': ExitCode.ok,
  'wiped-by-other': ExitCode.ok,
  wiped: ExitCode.ok,
  'wipe-failed': ExitCode.failed,
  'out-of-service': ExitCode.failed,
};

/**
 * `wipe --if-due`, what the OS scheduler runs at each shift end and at start-up: the shift wipe
 * only when the due check says one is owed, left to a running kiosk when there is one (see
 * src/liveness/wipe-if-due.ts). Exit 0: not due, or wiped (by this run or by the kiosk). Exit 1:
 * the wipe failed, or the kiosk let it wait too long and is now out of service.
 */
export async function runWipeIfDue(context: CommandContext): Promise<number> {
  const { values, io } = context;
  for (const flag of ['reason', 'scope', 'session']) {
    if (stringOption(values, flag) !== undefined) throw new UsageError(`--if-due runs the shift wipe when it is owed; it takes no --${flag}`);
  }
  if (context.positionals.length > 0) throw new UsageError(`wipe takes no arguments (got '${context.positionals[0]}'; see --help)`);
  const wipe = wipeContextForCli(values, io);
  await vouchForLastApplied(values, io, wipe.deps.roots.state, wipe.store);
  const { policy } = wipe;
  const stateRoot = wipe.deps.roots.state;
  const messages: string[] = [];
  const json = values.json === true;
  let outcome: WipeOutcome | null = null;
  const result = await wipeIfDue({
    stateRoot,
    schedule: policy.schedule,
    readLastShiftWipe: async () => (await readServiceState(stateRoot)).lastShiftWipe,
    runShiftWipe: async (coveredShiftEnd, trigger) => {
      try {
        outcome = await runWipe({ scope: 'shift', trigger, coveredShiftEnd }, wipe.deps);
      } catch (error) {
        throw asUsageError(error);
      }
      return outcome;
    },
    markOutOfService: (reason) => markOutOfService(stateRoot, reason, wipe.audit),
    say: (line) => {
      messages.push(line);
      if (!json) io.stdout.write(`${line}\n`);
    },
  });
  const record = (outcome as WipeOutcome | null)?.record ?? null;
  if (json) {
    io.stdout.write(`${JSON.stringify({ outcome: result, messages, record }, null, 2)}\n`);
  } else if (record) {
    io.stdout.write(`${describeWipe(record).join('\n')}\n`);
  }
  return exitCodes[result];
}
