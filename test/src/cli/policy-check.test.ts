import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { escapeRegExp as escape, policyDir } from '../policy/fixtures';

const files = policyDir();
afterAll(() => files.cleanup());

interface Malformed {
  name: string;
  yaml: string[];
  path: string;
  line: number;
  message?: string;
}

// Each file is a policy layer on top of the bundled default.yaml, as an IT officer would write one.
const malformed: Malformed[] = [
  { name: 'bad YAML (unclosed list)', yaml: ['sites:', '  mode: [allowlist', 'ui:', '  language: vi'], path: '(yaml)', line: 3 },
  { name: 'duplicate key', yaml: ['session:', '  idleTimeoutSeconds: 100', '  idleTimeoutSeconds: 200'], path: '(yaml)', line: 3, message: 'unique' },
  { name: 'tab indentation', yaml: ['session:', '\tidleTimeoutSeconds: 100'], path: '(yaml)', line: 2 },
  { name: 'unsupported tag', yaml: ['printing:', "  enabled: !!js/function 'x'"], path: '(yaml)', line: 2 },
  { name: 'unknown top-level key', yaml: ['# machine policy', 'sitez:', '  mode: allowlist'], path: 'sitez', line: 2, message: 'did you mean "sites"?' },
  { name: 'unknown nested key', yaml: ['sites:', '  alow: []'], path: 'sites.alow', line: 2, message: 'did you mean "allow"?' },
  { name: 'unknown key in a rule', yaml: ['sites:', '  allow:', '    - host: dichvucong.gov.vn', '      port: [8443]'], path: 'sites.allow[0].port', line: 4, message: 'did you mean "ports"?' },
  { name: 'wrong type (yes is not a boolean)', yaml: ['printing:', '  enabled: yes'], path: 'printing.enabled', line: 2, message: 'expected boolean' },
  { name: 'unknown printing mode', yaml: ['printing:', '  mode: preview'], path: 'printing.mode', line: 2, message: 'off' },
  { name: 'printer with printing off', yaml: ['printing:', '  mode: "off"', '  printer: Canon LBP'], path: 'printing.printer', line: 3, message: 'mode is off' },
  { name: 'old enabled with the new mode in one file', yaml: ['printing:', '  enabled: true', '  mode: silent'], path: 'printing.enabled', line: 2, message: 'remove printing.enabled' },
  { name: 'silent printing to a print-to-file printer', yaml: ['printing:', '  printer: Microsoft Print to PDF'], path: 'printing.printer', line: 2, message: 'prints to a file' },
  { name: 'printer name with a control character', yaml: ['printing:', '  printer: "HP\\u0007"'], path: 'printing.printer', line: 2, message: 'control characters' },
  { name: 'staff idle sign-out too short', yaml: ['staff:', '  idleSignOutSeconds: 5'], path: 'staff.idleSignOutSeconds', line: 2, message: '15' },
  { name: 'shift end 25:00', yaml: ['schedule:', "  shiftEnds: ['11:30', '25:00']"], path: 'schedule.shiftEnds[1]', line: 2, message: 'HH:MM' },
  { name: 'shift end 7:30', yaml: ['schedule:', '  shiftEnds:', "    - '7:30'"], path: 'schedule.shiftEnds[0]', line: 3 },
  { name: 'duplicate shift end', yaml: ['schedule:', '  shiftEnds:', "    - '11:30'", "    - '17:00'", "    - '11:30'"], path: 'schedule.shiftEnds[2]', line: 5, message: 'listed twice' },
  { name: 'unknown time zone', yaml: ['schedule:', '  timeZone: Asia/Hanoi'], path: 'schedule.timeZone', line: 2, message: 'not a known IANA time zone' },
  { name: 'weekday typo', yaml: ['schedule:', '  days: [mon, tuesday]'], path: 'schedule.days[1]', line: 2 },
  { name: 'empty allowlist', yaml: ['sites:', '  mode: allowlist', '  allow: []'], path: 'sites.allow', line: 3, message: 'no allowed sites' },
  { name: 'host with a path', yaml: ['sites:', '  allow:', '    - host: dichvucong.gov.vn/portal'], path: 'sites.allow[0].host', line: 3, message: 'without a path' },
  { name: 'host with a scheme', yaml: ['sites:', '  deny:', '    - host: https://evil.example'], path: 'sites.deny[0].host', line: 3, message: 'without a scheme' },
  { name: 'host with a port', yaml: ['sites:', '  allow:', '    - host: dichvucong.gov.vn', '    - host: dichvucong.gov.vn:8443'], path: 'sites.allow[1].host', line: 4, message: 'port' },
  { name: 'wildcard in the middle', yaml: ['sites:', '  categories:', '    chat-apps:', "      hosts: ['zalo.me', 'chat.*.zalo.me']"], path: 'sites.categories.chat-apps.hosts[1]', line: 4, message: 'leading "*."' },
  { name: 'category name with a space', yaml: ['sites:', '  categories:', '    Chat Apps:', '      hosts: [zalo.me]'], path: 'sites.categories.Chat Apps', line: 3, message: 'not a valid category name' },
  { name: 'unknown blocked category', yaml: ['sites:', '  blockCategories: [chat-apps, social]'], path: 'sites.blockCategories[1]', line: 2, message: 'unknown category "social"' },
  { name: 'unknown allowed category', yaml: ['sites:', '  allowCategories: [payments, banking]'], path: 'sites.allowCategories[1]', line: 2, message: 'unknown category "banking"' },
  { name: 'allowed category naming a chat host', yaml: ['sites:', '  allowCategories: [payments, helpers]', '  categories:', '    helpers:', '      hosts:', '        - pay.example.vn', '        - host: chat.zalo.me', '          note: support chat'], path: 'sites.categories.helpers.hosts[1].host', line: 7, message: 'can never open chat apps' },
  { name: 'allowed category with a wildcard over a chat app', yaml: ['sites:', '  allowCategories: [wide]', '  categories:', '    wide:', "      hosts: ['*.zalo.vn']"], path: 'sites.categories.wide.hosts[0]', line: 5, message: 'chat app (zalo.vn)' },
  { name: 'allowed category naming a local address', yaml: ['sites:', '  allowCategories: [payments, lan]', '  categories:', '    lan:', '      hosts:', '        - 192.168.1.10'], path: 'sites.categories.lan.hosts[0]', line: 6, message: 'local network' },
  { name: 'allowed category naming a local name', yaml: ['sites:', '  allowCategories: [lan]', '  categories:', '    lan:', "      hosts: ['*.corp.local']"], path: 'sites.categories.lan.hosts[0]', line: 5, message: 'local network' },
  { name: 'category host entry with an unknown key', yaml: ['sites:', '  categories:', '    payments:', '      hosts:', '        - host: pay.vnpay.vn', '          notes: VNPAY'], path: 'sites.categories.payments.hosts[0].notes', line: 6, message: 'did you mean "note"?' },
  { name: 'invalid mode', yaml: ['sites:', '  mode: whitelist'], path: 'sites.mode', line: 2 },
  { name: 'scheme not supported', yaml: ['sites:', '  schemes: [ftp]'], path: 'sites.schemes[0]', line: 2 },
  { name: 'port out of range', yaml: ['sites:', '  allow:', '    - host: dichvucong.gov.vn', '      ports: [70000]'], path: 'sites.allow[0].ports[0]', line: 4 },
  { name: 'tile URL in a blocked category', yaml: ['services:', '  - name: { vi: Zalo, en: Zalo }', '    url: https://chat.zalo.me/'], path: 'services[0].url', line: 3, message: 'deny category chat-apps' },
  { name: 'tile URL over http', yaml: ['services:', '  - name: { vi: a, en: b }', '    url: http://dichvucong.gov.vn/'], path: 'services[0].url', line: 3, message: 'deny scheme http:' },
  { name: 'tile without a name', yaml: ['services:', '  - url: https://dichvucong.gov.vn/'], path: 'services[0].name', line: 2, message: 'is required' },
  { name: 'idle warning as long as the timeout', yaml: ['session:', '  idleTimeoutSeconds: 60', '  idleWarningSeconds: 60'], path: 'session.idleWarningSeconds', line: 3, message: 'shorter than' },
  { name: 'UI language not offered', yaml: ['ui:', '  language: en', '  languages: [vi]'], path: 'ui.language', line: 2, message: 'not in ui.languages' },
  { name: 'unset ${VAR} in a path', yaml: ['paths:', '  state: ${PK_TEST_UNSET_VAR}/state'], path: 'paths.state', line: 2, message: 'not set in the environment' },
  { name: 'relative data path', yaml: ['paths:', '  downloads:', '    linux: downloads'], path: 'paths.downloads.linux', line: 3, message: 'not an absolute path' },
  { name: 'data roots inside each other', yaml: ['paths:', '  sessionData: /var/lib/pk', '  downloads: /var/lib/pk/downloads'], path: 'paths.downloads', line: 3, message: 'overlaps paths.sessionData' },
  { name: 'unknown OS key in a path', yaml: ['wipe:', '  extraPaths:', '    - win: C:\\Scans'], path: 'wipe.extraPaths[0].win', line: 3 },
  { name: 'version 2', yaml: ['version: 2'], path: 'version', line: 1 },
  { name: 'relative metrics folder', yaml: ['reporting:', '  prometheus:', '    textfileDir: textfile'], path: 'reporting.prometheus.textfileDir', line: 3, message: 'not an absolute path' },
  { name: 'metrics folder with an unset ${VAR}', yaml: ['reporting:', '  prometheus:', '    textfileDir:', '      linux: ${PK_TEST_UNSET_VAR}/prom'], path: 'reporting.prometheus.textfileDir.linux', line: 4, message: 'not set in the environment' },
  { name: 'metrics folder inside a wiped root', yaml: ['paths:', '  downloads: /var/lib/pk-dl', 'reporting:', '  prometheus:', '    textfileDir: /var/lib/pk-dl/../pk-dl/prom'], path: 'reporting.prometheus.textfileDir', line: 5, message: 'overlaps paths.downloads' },
  { name: 'unknown key under reporting.prometheus', yaml: ['reporting:', '  prometheus:', '    textfileDirectory: /var/lib/prom'], path: 'reporting.prometheus.textfileDirectory', line: 3, message: 'allowed here: textfileDir' },
  { name: 'negative size cap', yaml: ['downloads:', '  maxSizeMB: -5'], path: 'downloads.maxSizeMB', line: 2 },
  { name: 'a download type nobody can check', yaml: ['downloads:', '  allowedExtensions: [pdf, exe, html]'], path: 'downloads.allowedExtensions[1]', line: 2, message: 'cannot check that a ".exe" file is what its name says' },
  { name: 'extension with a dot', yaml: ['downloads:', '  allowedExtensions: [pdf, .exe]'], path: 'downloads.allowedExtensions[1]', line: 2, message: 'without the dot' },
  { name: "wiping the kiosk's own credentials", yaml: ['wipe:', '  credentialServices:', '    - public-kiosk'], path: 'wipe.credentialServices[0]', line: 3, message: 'must never delete it' },
  { name: 'unknown permission', yaml: ['permissions:', '  allow:', '    - host: dichvucong.gov.vn', '      permission: camera'], path: 'permissions.allow[0].permission', line: 4 },
  { name: 'weak staff password length', yaml: ['staff:', '  password:', '    minLength: 4'], path: 'staff.password.minLength', line: 3 },
  { name: 'top level is a list', yaml: ['- sites'], path: '(root)', line: 1, message: 'not a mapping' },
  { name: 'empty file', yaml: ['# nothing here'], path: '(root)', line: 1, message: 'the file is empty' },
];

describe('public-kiosk policy check with a malformed policy', () => {
  it('has at least 25 cases', () => expect(malformed.length).toBeGreaterThanOrEqual(25));

  it.each(malformed.map((c, i) => [c.name, c, i] as const))('%s → exit 2, FILE:LINE:COL path: message', (_name, c, i) => {
    const file = files.write(`bad-${i}.yaml`, `${c.yaml.join('\n')}\n`);
    const result = runCli(['policy', 'check', file], { env: { PK_TEST_UNSET_VAR: '' } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const line = new RegExp(`^${escape(file)}:${c.line}:\\d+ ${escape(c.path)}: (.+)$`, 'm');
    const match = line.exec(result.stderr);
    expect(match, result.stderr).not.toBeNull();
    if (c.message) expect(match?.[1]).toContain(c.message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it('reports every problem in a file, not just the first', () => {
    const file = files.write('many.yaml', [
      'sites:',
      '  mode: whitelist',
      'schedule:',
      '  timeZone: Asia/Hanoi',
      "  shiftEnds: ['25:00']",
      'session:',
      '  idleTimeoutSeconds: 60',
      '  idleWarningSeconds: 90',
      'printting:',
      '  enabled: true',
      '',
    ].join('\n'));
    const result = runCli(['policy', 'check', file]);
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n').filter((l) => l.startsWith(`${file}:`));
    expect(lines.map((l) => l.slice(file.length + 1).split(':')[0])).toEqual(['2', '4', '5', '8', '9']);
    expect(result.stderr).toContain('invalid policy (5 problems)');
  });

  it('a FILE that does not exist is an error, not a fallback to the defaults', () => {
    const absent = path.join(files.dir, 'polcy.yaml');
    const result = runCli(['policy', 'check', absent]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${absent}:0:0 (file): the file does not exist`);
  });
});

describe('public-kiosk policy check with a valid policy', () => {
  it('prints a one-screen summary: sites, blocked categories, next shift ends', () => {
    const file = files.write('valid.yaml', 'ui:\n  unitName: { vi: "Sở Y tế", en: "Department of Health" }\n');
    const before = Date.now();
    const result = runCli(['policy', 'check', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Sources (lowest first): <built-in defaults> < `);
    expect(result.stdout).toContain(`< ${file}`);
    expect(result.stdout).toMatch(/Allowed \(\d+\): dichvucong\.gov\.vn, \*\.dichvucong\.gov\.vn/);
    expect(result.stdout).toMatch(/Blocked category chat-apps \(\d+ hosts\): zalo\.me, \*\.zalo\.me/);
    expect(result.stdout).toMatch(/Allowed category payments \(\d+ hosts; never chat apps or the local network\): /);
    const shiftLine = /Next shift ends \(Asia\/Ho_Chi_Minh\): (.+)/.exec(result.stdout)?.[1] ?? '';
    const ends = shiftLine.split(', ');
    expect(ends).toHaveLength(4);
    for (const end of ends) expect(end).toMatch(/^(Mon|Tue|Wed|Thu|Fri) \d{4}-\d\d-\d\d (11:30|17:00)$/);
    const first = new Date(`${ends[0]?.slice(4).replace(' ', 'T')}:00+07:00`);
    expect(first.getTime()).toBeGreaterThan(before - 60_000);
    expect(first.getTime() - before).toBeLessThan(4 * 24 * 3600 * 1000);
    // One screen: the allowlist and the payments category wrap at 100 columns.
    expect(result.stdout.split('\n').length).toBeLessThan(34);
  });

  it('--policy wins over PUBLIC_KIOSK_POLICY (which is then not read)', () => {
    const broken = files.write('env-broken.yaml', 'printing:\n  enabled: maybe\n');
    const good = files.write('flag-good.yaml', 'printing:\n  enabled: false\n');
    const viaEnv = runCli(['policy', 'check'], { env: { PUBLIC_KIOSK_POLICY: broken } });
    expect(viaEnv.code).toBe(2);
    expect(viaEnv.stderr).toContain(`${broken}:2:12 printing.enabled:`);
    const viaFlag = runCli(['policy', 'check', '--policy', good], { env: { PUBLIC_KIOSK_POLICY: broken } });
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.stdout).toContain(`< ${good}`);
    expect(viaFlag.stdout).toContain('Printing: off');
  });

  it('printing: silent by default, the old enabled key read per layer with a located deprecation note, dialog warned about', () => {
    const bundled = runCli(['policy', 'check']);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toContain('Printing: silent, no dialog, on the OS default printer');
    expect(bundled.stdout).not.toContain('Notes');

    const old = files.write('old-printing.yaml', '# a unit file from before printing.mode\nprinting:\n  enabled: false\n');
    const oldRun = runCli(['policy', 'check', old]);
    expect(oldRun.code).toBe(0);
    expect(oldRun.stdout).toContain('Printing: off');
    expect(oldRun.stdout).toContain(`${old}:3:3 printing.enabled: deprecated: read as printing.mode: off`);
    const oldOn = files.write('old-printing-on.yaml', 'printing:\n  enabled: true\n  printer: "Canon LBP2900"\n');
    expect(runCli(['policy', 'check', oldOn]).stdout).toContain('Printing: silent, no dialog, on "Canon LBP2900"');

    const dialog = files.write('dialog.yaml', 'printing:\n  mode: dialog\n');
    const dialogRun = runCli(['policy', 'check', dialog]);
    expect(dialogRun.code).toBe(0);
    expect(dialogRun.stdout).toContain(`${dialog}:2:9 printing.mode: dialog: the OS print dialog can browse files`);
  });

  it('refuses FILE together with --policy, and two FILEs', () => {
    const good = files.write('good.yaml', 'printing:\n  enabled: true\n');
    expect(runCli(['policy', 'check', good, '--policy', good])).toMatchObject({ code: 2, stderr: expect.stringContaining('not both') });
    expect(runCli(['policy', 'check', good, good])).toMatchObject({ code: 2, stderr: expect.stringContaining('at most one FILE') });
  });

  it('--help explains the command without running it', () => {
    const result = runCli(['policy', 'check', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: public-kiosk policy check [FILE]');
    expect(result.stdout).toContain('Exit 2');
    const group = runCli(['policy', '--help']);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('policy check-url [--type main-frame|sub-frame|subresource|websocket] [--policy FILE] [--json] URL...');
  });
});
