import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import { runCli } from '../../support/cli';
import { promtool, runTool } from '../../support/prometheus-tools';
import { makeCliRoots, type CliRoots } from './wipe-fixtures';

let roots: CliRoots;
afterEach(() => roots?.cleanup());

/** The CLI roots with reporting.prometheus.textfileDir pointing at a folder of their own. */
function withTextfileDir(): { prom: string; file: string } {
  roots = makeCliRoots();
  const prom = path.join(roots.base, 'textfile');
  mkdirSync(prom);
  appendFileSync(roots.policyFile, `reporting:\n  prometheus:\n    textfileDir: ${JSON.stringify(prom)}\n`);
  return { prom, file: path.join(prom, 'public_kiosk.prom') };
}

const value = (text: string, series: string) => text.split('\n').find((l) => l.startsWith(`${series} `))?.slice(series.length + 1);

describe('public-kiosk metrics and the textfile collector', () => {
  it('a wipe rewrites public_kiosk.prom, and promtool check metrics is clean on it', () => {
    const { file } = withTextfileDir();
    const wiped = runCli(['wipe', ...roots.args]);
    expect(wiped.code, wiped.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(value(text, 'public_kiosk_last_wipe_success{scope="shift"}')).toBe('1');
    const at = Number(value(text, 'public_kiosk_last_wipe_timestamp_seconds{scope="shift"}'));
    expect(Math.abs(at - Date.now() / 1000)).toBeLessThan(120);
    expect(value(text, 'public_kiosk_audit_log_valid')).toBe('1');
    expect(runTool(promtool(), ['check', 'metrics'], text)).toEqual({ code: 0, output: '' });
  });

  it('metrics prints to stdout without a folder, and writes the same into --textfile-dir', () => {
    const { prom, file } = withTextfileDir();
    const printed = runCli(['metrics', ...roots.args]);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(/^# TYPE public_kiosk_out_of_service gauge$/m);
    expect(() => readFileSync(file)).toThrow(/ENOENT/); // reading changes nothing
    const other = path.join(roots.base, 'other');
    mkdirSync(other);
    const written = runCli(['metrics', '--textfile-dir', other, ...roots.args]);
    expect(written.code, written.stderr).toBe(0);
    expect(readFileSync(path.join(other, 'public_kiosk.prom'), 'utf8')).toBe(printed.stdout);
    expect(prom).not.toBe(other);
  });

  it('metrics --textfile-dir on a folder that does not exist: exit 2, nothing written', () => {
    withTextfileDir();
    const result = runCli(['metrics', '--textfile-dir', path.join(roots.base, 'nope'), ...roots.args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nope is not a folder/);
  });

  it('reads the newest compliance record (check status per id) and the newest policy record', async () => {
    withTextfileDir();
    const audit = openAuditLog(roots.state, null);
    const counts = { pass: 1, fail: 1, warn: 0, notApplicable: 0, error: 0 };
    await audit.append({ type: 'compliance', at: '2025-06-01T01:00:00.000Z', platform: 'linux', checks: [{ id: 'old-check', status: 'fail', severity: 'low' }], counts });
    await audit.append({
      type: 'compliance', at: '2025-06-02T01:00:00.000Z', platform: 'linux', counts,
      checks: [{ id: 'no-remote-access-tools', status: 'fail', severity: 'critical' }, { id: 'browser-saves-no-passwords', status: 'pass', severity: 'high' }],
    });
    await audit.append({ type: 'policy', at: '2025-06-02T02:00:00.000Z', event: 'rejected', hash: 'a'.repeat(64) });
    const text = runCli(['metrics', ...roots.args]).stdout;
    expect(value(text, 'public_kiosk_compliance_check_status{check="no-remote-access-tools",severity="critical",status="fail"}')).toBe('1');
    expect(value(text, 'public_kiosk_compliance_check_status{check="browser-saves-no-passwords",severity="high",status="pass"}')).toBe('1');
    expect(text).not.toContain('old-check');
    expect(value(text, 'public_kiosk_compliance_last_run_timestamp_seconds')).toBe(String(Date.parse('2025-06-02T01:00:00Z') / 1000));
    expect(value(text, 'public_kiosk_policy_update_rejected')).toBe('1');
    expect(value(text, 'public_kiosk_audit_log_records_total')).toBe('3');
    expect(runTool(promtool(), ['check', 'metrics'], text)).toEqual({ code: 0, output: '' });
  });

  it('an edited audit log shows as audit_log_valid 0 on the next state change', () => {
    const { file } = withTextfileDir();
    expect(runCli(['wipe', ...roots.args]).code).toBe(0);
    const log = path.join(roots.state, 'audit.log');
    writeFileSync(log, readFileSync(log, 'utf8').replace('"filesRemoved":0', '"filesRemoved":1'));
    runCli(['audit', 'verify', ...roots.args]);
    expect(value(readFileSync(file, 'utf8'), 'public_kiosk_audit_log_valid')).toBe('0');
  });

  it('a metrics folder that cannot be written never fails the wipe: one warning line', () => {
    const { prom } = withTextfileDir();
    // The policy names a file, not a folder: every write into it fails.
    const notAFolder = path.join(roots.base, 'not-a-folder');
    writeFileSync(notAFolder, '');
    const policy = readFileSync(roots.policyFile, 'utf8').replace(JSON.stringify(prom), JSON.stringify(notAFolder));
    writeFileSync(roots.policyFile, policy);
    const result = runCli(['wipe', ...roots.args]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: the metrics file was not rewritten: .*ENOTDIR/);
    expect(readFileSync(notAFolder, 'utf8')).toBe('');
  });
});
