import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { LogsFolderError } from './fleet-source';
import type { KioskJob } from './kiosk-judge';
import type { KioskKeys, KioskLogSource } from './log-source';
import type { KioskReport } from './types';

/** The built worker beside this file (absent when the sources run untranspiled, as in unit tests). */
const WORKER_FILE = path.join(__dirname, 'kiosk-worker.js');

export interface KioskTask {
  index: number;
  kioskId: string;
  entry: string;
  paths: string[];
  /** report --keys: the kiosk's enrolled keys (KeyObjects cross to a worker thread as clones). */
  keys?: KioskKeys;
}

export type WorkerReply = { index: number; report: KioskReport } | { index: number; error: { name: string; message: string } };

/**
 * Whether a fleet can be judged on worker threads: more than one worker wanted, forwarded copies
 * (files a worker can open by itself), and the built worker present outside an asar archive (which
 * a worker thread's own loader cannot read; the packaged kiosk reads its own log, one source).
 */
export function workersUsable(sources: readonly KioskLogSource[], jobs: number): boolean {
  return jobs > 1 && sources.length > 1 && sources.every((s) => s.files) && existsSync(WORKER_FILE) && !WORKER_FILE.includes(`.asar${path.sep}`);
}

/**
 * Judges one kiosk per task on `jobs` worker threads, each taking the next kiosk when it is done:
 * a fleet report runs on every core. The order of the answer is the order of the sources.
 */
export async function judgeOnWorkers(sources: readonly KioskLogSource[], job: KioskJob, jobs: number): Promise<KioskReport[]> {
  const tasks: KioskTask[] = sources.map((s, index) => ({ index, kioskId: s.kioskId, entry: s.files!.entry, paths: s.files!.paths, ...(s.files!.keys ? { keys: s.files!.keys } : {}) }));
  const reports = new Array<KioskReport>(tasks.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const feed = (worker: Worker) => {
        const task = tasks[next];
        if (!task) {
          if (running === 0) resolve();
          return;
        }
        next += 1;
        running += 1;
        worker.postMessage(task);
      };
      for (let n = 0; n < Math.min(jobs, tasks.length); n += 1) {
        const worker = new Worker(WORKER_FILE, { workerData: job });
        workers.push(worker);
        worker.on('message', (reply: WorkerReply) => {
          running -= 1;
          if ('error' in reply) {
            reject(reply.error.name === 'LogsFolderError' ? new LogsFolderError(reply.error.message) : new Error(reply.error.message));
            return;
          }
          reports[reply.index] = reply.report;
          feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => code !== 0 && reject(new Error(`a report worker stopped (exit ${code})`)));
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return reports;
}
