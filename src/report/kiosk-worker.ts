import { parentPort, workerData } from 'node:worker_threads';
import { forwardedLogSource } from './fleet-source';
import { jobContext, judgeKiosk, type KioskJob } from './kiosk-judge';
import type { KioskTask, WorkerReply } from './parallel-judge';

/** A report worker thread (parallel-judge.ts): judges the kiosks it is handed, one at a time. */
const job = workerData as KioskJob;
const context = jobContext(job);
parentPort?.on('message', (task: KioskTask) => {
  judgeKiosk(forwardedLogSource(task.kioskId, task.entry, task.paths, task.keys), job, context).then(
    (report) => parentPort!.postMessage({ index: task.index, report } satisfies WorkerReply),
    (error: unknown) => {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      parentPort!.postMessage({ index: task.index, error: { name, message } } satisfies WorkerReply);
    },
  );
});
