import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry } from '../../support/cli';
import { makeKeyringHome, removeKeyringHome, runInSecretService, skipWithoutSecretService } from '../secrets/secret-service-session';
import { checkAfterRecovery, crashEntry, scenarioRoots, traceLabels, type Scenario, type ScenarioRoots } from './crash-cli';

// The crash points only a REAL OS credential store reaches (gnome-keyring in a private D-Bus session):
// the audit key and the store's copy of audit.head around a keyed append, and the shift wipe deleting
// the policy's credential services. The file-only points are killed in wipe-crash-points.test.ts.
const skip = skipWithoutSecretService('keyed crash points');
const SERVICE = 'portal.test.gov.vn';
const scenario: Scenario = { name: 'keyed shift wipe with a credential service', scope: 'shift', outOfService: false, history: true };
/** Points where the store or the keyed log is involved; the others are the same as unkeyed. */
const keyedPoint = /^(store:|audit:|atomic:\S+ audit\.head|lock:\S+ audit\.lock)/;

let r: ScenarioRoots;
let home: string;
let keyringTemplate: string;
const keyrings = () => path.join(home, '.local', 'share', 'keyrings');

/** One D-Bus session: each command's exit code and output land in files of `out`. */
function inKeyring(commands: string[][], out: string) {
  mkdirSync(out, { recursive: true });
  const script = commands
    .map((command, i) => `${command.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')} >'${out}/${i}.out' 2>'${out}/${i}.err'; echo $? >'${out}/${i}.code'`)
    .join('\n');
  const run = runInSecretService(['sh', '-c', script], { home });
  const read = (name: string) => (existsSync(path.join(out, name)) ? readFileSync(path.join(out, name), 'utf8') : '');
  const code = (i: number) => (read(`${i}.code`).trim() === '' ? null : Number(read(`${i}.code`).trim()));
  // stderr apart: dbus-daemon may talk there, and --json output must parse.
  return { run, results: commands.map((_, i) => ({ code: code(i), output: read(`${i}.out`), stderr: read(`${i}.err`) })) };
}

function resetKeyring(): void {
  rmSync(keyrings(), { recursive: true, force: true });
  cpSync(keyringTemplate, keyrings(), { recursive: true });
}

describe.skipIf(skip)('kills at the credential-store and keyed-audit crash points', () => {
  let labels: string[] = [];
  beforeAll(() => {
    home = makeKeyringHome();
    const out = path.join(home, 'out');
    r = scenarioRoots(scenario, {
      credentialServices: [SERVICE],
      run: (args) => {
        const { results } = inKeyring([[process.execPath, cliEntry, ...args]], out);
        return { code: results[0]?.code ?? null, stderr: results[0]?.stderr ?? '' };
      },
    });
    keyringTemplate = path.join(r.base, 'keyrings-template');
    cpSync(keyrings(), keyringTemplate, { recursive: true });
    r.reset();
    const trace = path.join(r.base, 'trace.txt');
    const seed = `const s = require(${JSON.stringify(path.join(path.dirname(cliEntry), '..', 'dist', 'src', 'secrets', 'os-credential-store.js'))}).createOsCredentialStore(); (async () => { await s.set('${SERVICE}', 'citizen-a', 'pw'); })();`;
    writeFileSync(path.join(r.base, 'seed.js'), seed);
    const { results } = inKeyring([[process.execPath, path.join(r.base, 'seed.js')], [process.execPath, crashEntry, trace, '-', ...r.wipeArgs]], out);
    expect(results[1]?.code, results[1]?.stderr).toBe(0);
    labels = traceLabels(trace).filter((label) => keyedPoint.test(label));
  }, 120_000);
  afterAll(() => {
    r?.cleanup();
    if (home) removeKeyringHome(home);
  });

  it('the keyed run passes the store points: audit-head copy and the credential service entries', () => {
    expect(labels).toEqual(expect.arrayContaining(['store:before-set audit-head#1', 'store:after-set audit-head#1', 'store:before-delete credential service entry#1', 'audit:after-head audit.head#1']));
  });

  it('a kill at each: the next run finishes the work, one record per wipe, the keyed log verifies with its store copy, in service', async () => {
    const failures: string[] = [];
    for (const label of labels) {
      r.reset();
      resetKeyring();
      const out = path.join(r.base, 'out');
      rmSync(out, { recursive: true, force: true });
      const { results } = inKeyring(
        [
          [process.execPath, path.join(r.base, 'seed.js')],
          [process.execPath, crashEntry, '-', label, ...r.wipeArgs],
          ['cat', path.join(r.state, 'wipe-journal.json')],
          [process.execPath, cliEntry, ...r.wipeArgs],
          [process.execPath, cliEntry, 'audit', 'verify', '--json', ...r.args],
        ],
        out,
      );
      const [, killed, journal, next, verify] = results;
      if (killed?.code !== 137) {
        failures.push(`${label}: not killed (${killed?.code} ${killed?.stderr})`);
        continue;
      }
      const interrupted = journal?.code === 0 ? /"wipeId":"([0-9a-f]+)"/.exec(journal.output)?.[1] ?? 'unreadable' : null;
      let verified: { ok: boolean; problems: unknown[] };
      try {
        verified = JSON.parse(verify?.output ?? '') as typeof verified;
      } catch {
        verified = { ok: false, problems: [verify?.output] };
      }
      const wrong = next?.code === 0 ? await checkAfterRecovery(r, scenario, interrupted, verified) : [`next run exit ${next?.code}: ${next?.stderr}`];
      if (/FAILED|OUT OF SERVICE/.test(`${next?.output}${next?.stderr}`)) wrong.push(`next run said: ${next?.stderr}${next?.output}`);
      if (wrong.length > 0) failures.push(`${label}: ${wrong.join('; ')}`);
    }
    console.log(`${scenario.name}: ${labels.length} keyed crash points`);
    expect(failures).toEqual([]);
  }, 900_000);
});
