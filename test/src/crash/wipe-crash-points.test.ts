import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { checkAfterRecovery, journalWipeId, runCrashCli, scenarioRoots, traceLabels, type Scenario, type ScenarioRoots } from './crash-cli';

// Every crash point a wipe passes, one SIGKILL each (no random timing): the next run must finish or
// redo the wipe, record each wipe once, leave `audit verify` passing and the kiosk in service.
const scenarios: Scenario[] = [
  { name: 'session wipe, first record ever (no audit.log yet)', scope: 'session', outOfService: false, history: false },
  { name: 'shift wipe out of service, with earlier records', scope: 'shift', outOfService: true, history: true },
];

for (const scenario of scenarios) {
  describe(scenario.name, () => {
    let r: ScenarioRoots;
    let labels: string[] = [];
    beforeAll(async () => {
      r = scenarioRoots(scenario);
      r.reset();
      const trace = path.join(r.base, 'trace.txt');
      const run = await runCrashCli(trace, null, r.wipeArgs);
      expect(run.code, run.stderr).toBe(0);
      labels = traceLabels(trace);
    }, 60_000);
    afterAll(() => r?.cleanup());

    it('passes the crash points of every state write it makes', () => {
      const steps = new Set(labels.map((l) => l.split(' ')[0]));
      for (const step of ['atomic:renamed', 'wipe:before-target', 'wipe:after-target', 'wipe:before-verify', 'audit:opened', 'audit:line-written', 'audit:line-synced', 'audit:before-head', 'audit:after-head', 'remove:unlinked']) {
        expect(steps).toContain(step);
      }
      if (scenario.scope === 'shift') expect(labels).toContain('remove:unlinked out-of-service.json#1');
    });

    it('a kill at each point: the next run finishes the work, one record per wipe, audit verify passes, in service', async () => {
      const failures: string[] = [];
      let interruptedCount = 0;
      for (const label of labels) {
        r.reset();
        const killed = await runCrashCli(null, label, r.wipeArgs);
        if (killed.signal !== 'SIGKILL') {
          failures.push(`${label}: not killed (${killed.code} ${killed.stderr})`);
          continue;
        }
        const interrupted = journalWipeId(r.state);
        if (interrupted) interruptedCount += 1;
        const next = runCli(r.wipeArgs);
        const wrong = next.code === 0 ? await checkAfterRecovery(r, scenario, interrupted) : [`next run exit ${next.code}: ${next.stderr}`];
        if (/FAILED|out of service/i.test(next.stdout + next.stderr)) wrong.push(`next run said: ${next.stderr}${next.stdout}`);
        if (wrong.length > 0) failures.push(`${label}: ${wrong.join('; ')}`);
      }
      console.log(`${scenario.name}: ${labels.length} crash points, ${interruptedCount} left a journal`);
      expect(failures).toEqual([]);
    }, 900_000);
  });
}
