import type { MachinePolicyObservation } from '../../src/policy-pickup/decide';
import { checkLastApplied } from '../../src/policy-pickup/last-applied';
import { lastAppliedArgument, planBoot, trustedStateRoot, type BootPlan } from './boot-plan';

export interface KioskBootInput {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** The machine policy file at the OS's location (src/policy/load.ts). */
  machineFile: string;
  observe(file: string): Promise<MachinePolicyObservation>;
  /** The newest `applied` hash in a state root's audit log, and whether that log verifies. */
  newestAppliedHash(stateRoot: string): Promise<string | null>;
  auditLogVerifies(stateRoot: string): Promise<boolean>;
}

export interface KioskBoot {
  plan: BootPlan;
  /** The machine-layer bytes this start loaded (read once), or null when the file changed while read. */
  running: { hash: string; content: Buffer | null } | null;
  /** Running on the last-applied copy a relaunch asked for, vouched for by its state root. */
  standIn: boolean;
  /** A relaunch asked for a copy nobody can vouch for: the kiosk must not serve (policy-invalid). */
  refused: string | null;
}

/**
 * The policy a kiosk start runs on, each machine layer read once and loaded from those bytes.
 * A plain start: the machine file. A relaunch with `--last-applied-policy=HASH`: the last-applied
 * copy in the state root the machine file (or the built-in defaults) names, when its bytes hash to
 * HASH, HASH is that root's newest applied record and the log verifies, and the copy keeps that
 * state root. Otherwise the start loads the machine file and is out of service (`refused`).
 */
export async function planKioskBoot(input: KioskBootInput): Promise<KioskBoot> {
  const hash = lastAppliedArgument(input.argv);
  const plain = async (refused: string | null): Promise<KioskBoot> => {
    const seen = await input.observe(input.machineFile).catch(() => ({ state: 'changing' }) as const);
    if (seen.state === 'changing') return { plan: planBoot(input.argv, input.env, input.platform), running: null, standIn: false, refused };
    const content = seen.bytes ?? null;
    const plan = planBoot(input.argv, input.env, input.platform, { file: input.machineFile, content });
    return { plan, running: { hash: seen.hash, content }, standIn: false, refused };
  };
  if (hash === null) return plain(null);
  const stateRoot = trustedStateRoot(input.argv, input.env, input.platform, input.machineFile);
  if (stateRoot === null) return plain('no state root to find the last-applied copy in');
  const verdict = await checkLastApplied({
    stateRoot,
    hash,
    newestAppliedHash: () => input.newestAppliedHash(stateRoot),
    auditLogVerifies: () => input.auditLogVerifies(stateRoot),
  });
  if (!verdict.ok) return plain(verdict.reason);
  const plan = planBoot(input.argv, input.env, input.platform, { file: verdict.file, content: verdict.content });
  if (plan.roots && plan.roots.state !== stateRoot) return plain('the last-applied copy names another state root');
  return { plan, running: { hash, content: verdict.content }, standIn: true, refused: null };
}
