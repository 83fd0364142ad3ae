import { z } from 'zod';

/**
 * `reporting:` — where the kiosk reports to the department's existing systems. `syslog` lists the
 * collectors every audit record is forwarded to (src/forwarding/). File checks (the CA, certificate
 * and key exist) are in reporting-checks.ts: they run on the merged policy, like the path checks.
 */
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
    syslog: z.array(syslogDestination).max(16),
  })
  .describe('Reporting to the department\'s existing systems: syslog collectors get every audit record. / Báo cáo về hệ thống của Sở.');

export type SyslogDestinationPolicy = z.infer<typeof syslogDestination>;
export type SyslogTransport = z.infer<typeof syslogTransport>;
