import { performance } from 'node:perf_hooks';
import { scheduleJob } from 'node-schedule';
import type { Cancelable, KioskClock } from './clock';

/**
 * The real clock. node-schedule drives wall-clock instants: it re-checks Date.now() when its timer
 * fires and waits on if the clock was set back, and it handles delays past setTimeout's 24.8-day
 * limit. It still fires late after a sleep (node-schedule#632): the due check covers that.
 */
export const systemClock: KioskClock = {
  now: () => Date.now(),
  monotonicNow: () => performance.now(),
  setTimer(delayMs, callback): Cancelable {
    const timer = setTimeout(callback, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(timer) };
  },
  scheduleAt(when, callback): Cancelable {
    // scheduleJob returns null for an instant already past; such a shift end is due now.
    const job = when.getTime() > Date.now() ? scheduleJob(when, () => callback()) : null;
    if (job) return { cancel: () => void job.cancel() };
    const timer = setTimeout(callback, 0);
    return { cancel: () => clearTimeout(timer) };
  },
};
