import { collectMetricsSnapshot, type MetricsSources } from './collect';
import { renderExposition } from './exposition';
import { metricFamilies } from './families';
import { writeMetricsTextfile } from './textfile';

/** The textfile's content, read through the sources now. */
export async function renderMetrics(sources: MetricsSources): Promise<string> {
  return renderExposition(metricFamilies(await collectMetricsSnapshot(sources)));
}

/** Collects and rewrites `<dir>/public_kiosk.prom`; returns the file written. */
export async function refreshMetricsTextfile(dir: string, sources: MetricsSources): Promise<string> {
  return writeMetricsTextfile(dir, await renderMetrics(sources));
}
