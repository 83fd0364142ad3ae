import { stateMetricsSources } from '../metrics/state-sources';
import { noForwardBacklog, type ForwardBacklogSource } from '../metrics/snapshot';
import type { MetricsSources } from '../metrics/collect';
import { refreshMetricsTextfile } from '../metrics/render';
import { metricsTextfileDir } from '../metrics/state-sources';
import type { CliIo, OptionValues } from './command';
import { packageVersion } from './version';
import { wipeContextForCli, type WipeCliContext } from './wipe-context';

/**
 * The reporting backlog the CLI's metrics show. None is wired yet: the syslog forwarder provides the
 * real source (its cursors against the audit log) — replace this one line when it lands.
 */
export const cliForwardBacklog: ForwardBacklogSource = noForwardBacklog;

export function cliMetricsSources(context: WipeCliContext): MetricsSources {
  return stateMetricsSources({
    policy: context.policy,
    stateRoot: context.deps.roots.state,
    store: context.store,
    backlog: cliForwardBacklog,
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
