import { backlogSource } from '../forwarding/backlog';
import { stateMetricsSources } from '../metrics/state-sources';
import type { MetricsSources } from '../metrics/collect';
import { refreshMetricsTextfile } from '../metrics/render';
import { metricsTextfileDir } from '../metrics/state-sources';
import type { CliIo, OptionValues } from './command';
import { packageVersion } from './version';
import { wipeContextForCli, type WipeCliContext } from './wipe-context';

export function cliMetricsSources(context: WipeCliContext): MetricsSources {
  return stateMetricsSources({
    policy: context.policy,
    stateRoot: context.deps.roots.state,
    store: context.store,
    // Records each syslog collector has not acknowledged yet (its cursor against the audit log).
    backlog: backlogSource(context.deps.roots.state, context.policy.reporting.syslog),
    build: { version: packageVersion(), platform: process.platform, nodeVersion: process.versions.node },
  });
}

/**
 * After a command that changed the kiosk's state: rewrite the metrics file when the policy names a
 * textfile folder. The command's own outcome stands whatever happens here; a failure is one warning
 * line (the "metrics stale" alert shows a file that stopped being written).
 */
export async function refreshMetricsAfterChange(values: OptionValues, io: CliIo): Promise<void> {
  let context: WipeCliContext;
  try {
    context = wipeContextForCli(values, io);
  } catch {
    return; // the command already reported the bad policy or root, and changed nothing
  }
  try {
    const dir = metricsTextfileDir(context.policy, process.platform, io.env);
    if (dir !== null) await refreshMetricsTextfile(dir, cliMetricsSources(context));
  } catch (error) {
    io.stderr.write(`public-kiosk: warning: the metrics file was not rewritten: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
