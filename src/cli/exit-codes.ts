/** Exit codes every command shares; documented in the README for Task Scheduler and systemd. */
export const ExitCode = {
  ok: 0,
  /** The operation ran and failed (a wipe that failed leaves the kiosk out of service). */
  failed: 1,
  /** Bad input: unknown command or option, invalid policy, dangerous path. Nothing was changed. */
  badInput: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Thrown for anything the user typed or configured wrongly: printed as one clear line, exit 2. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode: ExitCode = ExitCode.badInput) {
    super(message);
    this.name = 'UsageError';
  }
}
