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

export const syslogTransport = z
  .enum(['relp-tls', 'relp', 'tls', 'tcp'])
  .describe('relp-tls (reliable, acknowledged, encrypted: recommended), relp, tls (RFC 5425), tcp (RFC 6587 octet counting).');

/** A DNS name or an IP address: no scheme, path, port or spaces (they belong in other fields). */
const collectorHost = z
  .string()
  .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?|\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*)$/, 'must be a host name or an IP address (no scheme, path or port)');

const filePath = z.string().min(1);

export const syslogDestination = z.strictObject({
  host: collectorHost,
  port: z.number().int().min(1, 'must be a port number from 1 to 65535').max(65535, 'must be a port number from 1 to 65535'),
  transport: syslogTransport,
  /** PEM file of the CA that signed the collector's certificate (required for relp-tls and tls). */
  ca: filePath.optional(),
  /** PEM client certificate and its key, presented to collectors that ask for one (imrelp with TLS does). */
  cert: filePath.optional(),
  key: filePath.optional(),
  /** IANA private enterprise number of the structured-data id `public-kiosk@N`; 32473 (RFC 5612, documentation) by default. */
  enterpriseId: z.number().int().min(1).max(2_147_483_647).optional(),
});

export const reportingSchema = z
  .strictObject({
    prometheus: prometheusReportingSchema,
    /** Collectors every audit record is forwarded to (src/forwarding/); file checks in reporting-checks.ts. */
    syslog: z.array(syslogDestination).max(16),
    /** The evidence report (`public-kiosk report`) counts a shift wipe started at most this long after its shift end as on time. */
    onTimeGraceMinutes: z
      .number()
      .int()
      .min(1)
      .max(240)
      .describe('Minutes after a shift end within which its shift wipe counts as on time in the report (default 15). / Số phút sau giờ hết ca vẫn tính là đúng giờ.'),
  })
  .describe("Reporting to the department's Prometheus and syslog collectors. / Báo cáo về hệ thống Prometheus và syslog của Sở.");

export type SyslogDestinationPolicy = z.infer<typeof syslogDestination>;
export type SyslogTransport = z.infer<typeof syslogTransport>;
