import { DEFAULT_ENTERPRISE_ID } from './destination';
import type { LogRecord } from './log-reader';

/**
 * One audit record as an RFC 5424 message: app-name `public-kiosk`, msgid the record type, the
 * structured element `[public-kiosk@PEN log="…" seq="…" seal="…"]` (log id + seq is the collector's
 * dedupe key) and, as MSG, the audit log's line byte for byte (no BOM: the line is what a verifier
 * re-seals). Returned as text (UTF-8 on the wire) so a batch becomes one buffer. Facility 13 is RFC 5424's "log audit".
 */
const FACILITY_LOG_AUDIT = 13;
const SEVERITY = { warning: 4, notice: 5, info: 6 } as const;

export interface MessageContext {
  hostname: string;
  enterpriseId?: number | undefined;
}

export function syslogMessage(record: LogRecord, context: MessageContext): string {
  const pri = FACILITY_LOG_AUDIT * 8 + severityOf(record);
  const pen = context.enterpriseId ?? DEFAULT_ENTERPRISE_ID;
  const sd = `[public-kiosk@${pen} log="${record.logId}" seq="${record.seq}" seal="${record.seal}"]`;
  const header = `<${pri}>1 ${record.time ?? '-'} ${headerField(context.hostname, 255)} public-kiosk - ${headerField(record.type, 32)} ${sd} `;
  return header + record.line;
}

/** What needs a look stands out in the collector: failed wipes and going out of service. */
function severityOf(record: LogRecord): number {
  if (record.outcome === 'failed' || record.outcome === 'out-of-service') return SEVERITY.warning;
  if (record.type === 'staff' || record.type === 'policy') return SEVERITY.notice;
  return SEVERITY.info;
}

/** PRINTUSASCII only (RFC 5424 §6): anything else becomes `_`; empty becomes the NILVALUE. */
export function headerField(text: string, max: number): string {
  const clean = text.replace(/[^\x21-\x7e]/g, '_').slice(0, max);
  return clean === '' ? '-' : clean;
}

/** RFC 6587 §3.4.1 / RFC 5425 §4.3 octet counting: `LEN SP MSG`, no trailer; LEN counts UTF-8 bytes. */
export function octetCounted(message: string): string {
  return `${Buffer.byteLength(message, 'utf8')} ${message}`;
}
