/** Something that was scheduled and can be called off. */
export interface Cancelable {
  cancel(): void;
}

/**
 * Time as the session controller sees it, passed in so tests can move it at will. Two clocks on
 * purpose: the wall clock can be set back or forward (and jumps over a sleep), the monotonic one only
 * moves forward while the machine runs; comparing them is how a clock set back is noticed.
 */
export interface KioskClock {
  /** Wall-clock time, ms since the epoch (Date.now). */
  now(): number;
  /** A clock that never goes back (performance.now); its zero is arbitrary. */
  monotonicNow(): number;
  /** Calls back after `delayMs` of running time (setTimeout). */
  setTimer(delayMs: number, callback: () => void): Cancelable;
  /** Calls back once the wall clock reaches `when` (node-schedule); at once if it already has. */
  scheduleAt(when: Date, callback: () => void): Cancelable;
}
