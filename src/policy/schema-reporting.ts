import { z } from 'zod';
import { osPath } from './schema-os-path';

/**
 * `reporting:` — how the kiosk feeds the department's existing systems. Kept in its own file because
 * several features add to it (Prometheus metrics here; syslog destinations and on-time grace beside it).
 */
export const prometheusReportingSchema = z
  .strictObject({
    /**
     * The node_exporter / windows_exporter textfile-collector folder. When set, `public_kiosk.prom` is
     * rewritten there (atomically) after every state change. Absolute, like every policy path.
     */
    textfileDir: osPath.optional(),
  })
  .describe('Prometheus: textfileDir is the node_exporter/windows_exporter textfile-collector folder. / Thư mục textfile của node_exporter.');

export const reportingSchema = z
  .strictObject({
    prometheus: prometheusReportingSchema,
  })
  .describe("Reporting to the department's Prometheus and syslog. / Báo cáo về hệ thống của Sở.");
