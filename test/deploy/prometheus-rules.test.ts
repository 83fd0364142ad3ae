import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderExposition } from '../../src/metrics/exposition';
import { metricFamilies } from '../../src/metrics/families';
import { amtool, promtool, runTool } from '../support/prometheus-tools';
import { repoRoot } from '../support/cli';

const deploy = path.join(repoRoot, 'deploy');
const rulesFile = path.join(deploy, 'prometheus', 'public-kiosk.rules.yml');
const testsDir = path.join(deploy, 'prometheus', 'tests');
const testFiles = readdirSync(testsDir).filter((f) => f.endsWith('.yml')).sort();
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface RuleFile {
  groups: { rules: { alert: string; expr: string }[] }[];
}
interface RuleTest {
  tests: { alert_rule_test?: { alertname: string; exp_alerts: unknown[] }[] }[];
}
const rules = (parse(readFileSync(rulesFile, 'utf8')) as RuleFile).groups.flatMap((g) => g.rules);

/** A copy of deploy/prometheus with one change to the rules, to show the unit tests catch it. */
function mutatedCopy(from: string, to: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pk-rules-'));
  scratch.push(dir);
  cpSync(path.join(deploy, 'prometheus'), dir, { recursive: true });
  const text = readFileSync(rulesFile, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path.join(dir, 'public-kiosk.rules.yml'), text.replace(from, to));
  return dir;
}

describe('deploy/prometheus/public-kiosk.rules.yml', () => {
  it('promtool check rules accepts it', () => {
    const result = runTool(promtool(), ['check', 'rules', rulesFile]);
    expect(result.output).toContain(`SUCCESS: ${rules.length} rules found`);
    expect(result.code).toBe(0);
  });

  it.each(testFiles)('promtool test rules %s passes', (file) => {
    const result = runTool(promtool(), ['test', 'rules', path.join(testsDir, file)]);
    expect(result.output).toContain('SUCCESS');
    expect(result.code, result.output).toBe(0);
  });

  it('every alert has a unit test in which it fires', () => {
    const fired = new Set(
      testFiles.flatMap((file) =>
        (parse(readFileSync(path.join(testsDir, file), 'utf8')) as RuleTest).tests.flatMap((t) =>
          (t.alert_rule_test ?? []).filter((a) => a.exp_alerts.length > 0).map((a) => a.alertname))),
    );
    expect(rules.map((r) => r.alert).filter((name) => !fired.has(name))).toEqual([]);
    expect(rules.map((r) => r.alert)).toEqual(expect.arrayContaining([
      'PublicKioskShiftWipeMissing', 'PublicKioskLastWipeFailed', 'PublicKioskOutOfService', 'PublicKioskComplianceFailure',
      'PublicKioskReportingBacklogGrowing', 'PublicKioskMetricsStale',
    ]));
  });

  it('the rules use only metric names the kiosk writes (a renamed metric would silence an alert)', () => {
    const written = new Set(
      [...renderExposition(metricFamilies({
        build: { version: '0', platform: 'linux', nodeVersion: '20' }, lastWipes: [], lastScheduledShiftEnd: null, lastCoveredShiftEnd: null,
        outOfService: null, auditLog: { valid: true, records: 0 }, compliance: null, policy: null, backlog: [],
      })).matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]),
    );
    const used = new Set(rules.flatMap((r) => [...r.expr.matchAll(/public_kiosk_[a-z_]+/g)].map((m) => m[0])));
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((name) => !written.has(name))).toEqual([]);
  });

  it('the unit tests catch a rule that lost its grace period or its staleness filter', () => {
    const noGrace = mutatedCopy('> 30 * 60', '> 10 * 60');
    const graceResult = runTool(promtool(), ['test', 'rules', path.join(noGrace, 'tests', 'shift-wipe-missing.yml')]);
    expect(graceResult.code).not.toBe(0);
    const anyFile = mutatedCopy('node_textfile_mtime_seconds{file=~"(.*[/\\\\\\\\])?public_kiosk\\\\.prom"}', 'node_textfile_mtime_seconds');
    const staleResult = runTool(promtool(), ['test', 'rules', path.join(anyFile, 'tests', 'backlog-and-staleness.yml')]);
    expect(staleResult.code).not.toBe(0);
  });
});

describe('deploy/alertmanager example route', () => {
  const config = path.join(deploy, 'alertmanager', 'public-kiosk.alertmanager.yml');

  it('amtool check-config accepts it', () => {
    const result = runTool(amtool(), ['check-config', config]);
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });

  it.each([
    [['alertname=PublicKioskShiftWipeMissing', 'severity=critical', 'instance=kiosk-01'], 'kiosk-critical'],
    [['alertname=PublicKioskComplianceFailure', 'severity=warning', 'check=screen-lock'], 'kiosk-warning'],
    [['alertname=NodeDown', 'severity=critical'], 'it-team'],
  ])('routes %j to %s', (labels, receiver) => {
    const result = runTool(amtool(), ['config', 'routes', 'test', `--config.file=${config}`, ...labels]);
    expect(result.code, result.output).toBe(0);
    expect(result.output.split('\n')[0]?.trim()).toBe(receiver);
  });
});
