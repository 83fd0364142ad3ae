import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sealedLog, sessionWipe, shiftWipe } from '../src/cli/report-fleet-logs';

/**
 * A month of forwarded logs for a fleet, deterministic (seeded), with every status in it: most shift
 * ends wiped a few minutes after, some caught up, a few failed or missed. For the HTML report's
 * browser test, where wiping for real 30 kiosks × 44 shift ends would take an hour.
 */
export function writeFleetLogs(folder: string, kioskIds: readonly string[], shiftEnds: readonly Date[]): void {
  mkdirSync(folder, { recursive: true });
  let seed = 20260301;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const minutes = (date: Date, n: number) => new Date(date.getTime() + n * 60_000).toISOString();
  kioskIds.forEach((kioskId, index) => {
    const records: object[] = [];
    let out = false;
    for (const end of shiftEnds) {
      const covered = end.toISOString();
      const roll = index === 0 ? random() * 0.9 : random();
      const late = roll >= 0.86 && roll < 0.93;
      if (roll < 0.93) {
        const wiped = minutes(end, late ? 40 + Math.floor(random() * 90) : 1 + Math.floor(random() * 9));
        records.push(shiftWipe(wiped, 'succeeded', covered));
        if (out) records.push({ type: 'service', at: minutes(new Date(wiped), 1), state: 'in-service', reason: 'shift-wipe-succeeded' });
        out = false;
      } else if (roll < 0.97) {
        records.push(shiftWipe(minutes(end, 2), 'failed', covered));
        if (!out) records.push({ type: 'service', at: minutes(end, 3), state: 'out-of-service', reason: 'wipe-failed' });
        out = true;
      } // else: missed, nothing at all
      for (let s = 0; s < 3; s += 1) records.push(sessionWipe(minutes(end, 60 + s * 30)));
    }
    writeFileSync(path.join(folder, `${kioskId}.log`), sealedLog(records));
  });
}
