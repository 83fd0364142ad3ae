import { scanForCanaries } from '../../../src/wipe/canary-scan';

/** How many files under the session-data and downloads roots hold any of the values (the wipe's own scan). */
export async function filesHoldingCanaries(roots: { sessionData: string; downloads: string }, values: readonly string[]): Promise<number> {
  let files = 0;
  for (const root of [roots.sessionData, roots.downloads]) files += (await scanForCanaries(root, values)).filesWithHits;
  return files;
}
