/** One thing `audit verify` found wrong; `line` is 1-based in audit.log (0: the head file or the log as a whole). */
export interface AuditProblem {
  line: number;
  kind: 'edited' | 'deleted' | 'inserted' | 'reordered' | 'truncated' | 'torn' | 'unreadable' | 'downgraded' | 'unverifiable' | 'head-mismatch' | 'rolled-back';
  detail: string;
}

export interface ScannedLine {
  line: number;
  seq: number;
  seal: string;
  /** Its `prev` equals the seal of the line before it in the file. */
  chained: boolean;
}
