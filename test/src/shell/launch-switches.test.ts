import { describe, expect, it } from 'vitest';
import { decideLaunch, relaunchArguments, switchName, type LaunchInput } from '../../../src/shell/launch-switches';
import { refusedEnvironment, refusedSwitches } from '../../../src/shell/switch-risks';

const exe = '/opt/public-kiosk/public-kiosk';
const packaged = (args: string[], env: Record<string, string> = {}, platform: NodeJS.Platform = 'linux'): LaunchInput => ({
  argv: [exe, ...args],
  env,
  isPackaged: true,
  platform,
});

describe('the packaged kiosk refuses weakening switches', () => {
  const refused: [string[], string][] = [
    [['--remote-debugging-port=9222'], '--remote-debugging-port (debugger)'],
    [['--remote-debugging-pipe'], '--remote-debugging-pipe (debugger)'],
    [['--remote-allow-origins=*'], '--remote-allow-origins (debugger)'],
    [['--inspect'], '--inspect (debugger)'],
    [['--inspect-brk=0.0.0.0:9229'], '--inspect-brk (debugger)'],
    [['--inspect-port', '9229'], '--inspect-port (debugger)'],
    [['--no-sandbox'], '--no-sandbox (sandbox-off)'],
    [['--disable-site-isolation-trials'], '--disable-site-isolation-trials (sandbox-off)'],
    [['--disable-web-security'], '--disable-web-security (web-security-off)'],
    [['--js-flags=--allow-natives-syntax'], '--js-flags (engine-flags)'],
    [['--host-resolver-rules=MAP dichvucong.gov.vn 10.0.0.5'], '--host-resolver-rules (traffic-redirect)'],
    [['--host-rules=MAP * 10.0.0.5'], '--host-rules (traffic-redirect)'],
    [['--proxy-server=http://10.0.0.5:3128'], '--proxy-server (traffic-redirect)'],
    [['--ignore-certificate-errors'], '--ignore-certificate-errors (tls-weakened)'],
    [['--user-data-dir=/home/kiosk/keep'], '--user-data-dir (data-outside-wiped-roots)'],
    [['--renderer-cmd-prefix=/tmp/x'], '--renderer-cmd-prefix (runs-other-code)'],
    [['--enable-logging', '--v=1'], '--enable-logging (logs-browsing)'],
    // Chromium's other spellings: one dash, upper case.
    [['-remote-debugging-port=9222'], '--remote-debugging-port (debugger)'],
    [['--No-Sandbox'], '--no-sandbox (sandbox-off)'],
    // Behind Chromium's `--` terminator it is still refused: no second guess about who parses what.
    [['--', '--inspect'], '--inspect (debugger)'],
    // Found by the review: each started the kiosk under the old denylist.
    [['--ssl-key-log-file=C:\\Users\\Public\\keys.txt'], '--ssl-key-log-file (tls-weakened)'],
    [['--trace-startup-file=/tmp/t.json'], '--trace-startup-file (data-outside-wiped-roots)'],
    [['--force-fieldtrials=A/B'], '--force-fieldtrials (engine-flags)'],
    // Not on any list: a switch a later Chromium adds, or an ordinary one nobody needs here.
    [['--some-switch-chromium-adds-next-year'], '--some-switch-chromium-adds-next-year (not a switch the packaged kiosk writes)'],
    [['--ozone-platform=x11'], '--ozone-platform (not a switch the packaged kiosk writes)'],
    [['--lang=vi'], '--lang (not a switch the packaged kiosk writes)'],
    [['--dev'], '--dev (not a switch the packaged kiosk writes)'],
    [['--policy', '/tmp/open.yaml'], '--policy (not a switch the packaged kiosk writes)'],
    [['--policy=/tmp/open.yaml'], '--policy (not a switch the packaged kiosk writes)'],
    [['/tmp/open.yaml'], '"/tmp/open.yaml" (the packaged kiosk takes no plain arguments)'],
    // Its own markers, but not as it writes them: a value that is not a trigger or a hash.
    [['--wipe-on-start=shift-end --remote-debugging-port=1'], '--wipe-on-start (not a value the kiosk writes)'],
    [['--wipe-on-start'], '--wipe-on-start (not a value the kiosk writes)'],
    [['-wipe-on-start=tick'], '--wipe-on-start (not a value the kiosk writes)'],
    [['--last-applied-policy=../../x.yaml'], '--last-applied-policy (not a value the kiosk writes)'],
  ];
  it.each(refused)('%j → refused (%s)', (args, reason) => {
    const decision = decideLaunch(packaged(args));
    expect(decision.action).toBe('refuse');
    if (decision.action === 'refuse') expect(decision.reasons).toContain(reason);
  });

  it('Windows also takes /switch', () => {
    expect(decideLaunch(packaged(['/remote-debugging-port=9222'], {}, 'win32'))).toEqual({ action: 'refuse', reasons: ['--remote-debugging-port (debugger)'] });
    expect(switchName('/remote-debugging-port=1', 'linux')).toBeNull();
  });

  it.each([
    ['NODE_OPTIONS', '--require /tmp/evil.js', 'NODE_OPTIONS (runs-other-code)'],
    ['ELECTRON_RUN_AS_NODE', '1', 'ELECTRON_RUN_AS_NODE (runs-other-code)'],
    ['SSLKEYLOGFILE', '/tmp/keys', 'SSLKEYLOGFILE (tls-weakened)'],
    ['NODE_EXTRA_CA_CERTS', '/tmp/mitm.pem', 'NODE_EXTRA_CA_CERTS (tls-weakened)'],
    ['ELECTRON_ENABLE_LOGGING', '1', 'ELECTRON_ENABLE_LOGGING (logs-browsing)'],
  ])('environment %s → refused', (key, value, reason) => {
    expect(decideLaunch(packaged([], { [key]: value }))).toEqual({ action: 'refuse', reasons: [reason] });
  });

  it('every refusal is named, all at once', () => {
    const decision = decideLaunch(packaged(['--no-sandbox', '--remote-debugging-port=1'], { NODE_OPTIONS: '-r x' }));
    expect(decision).toEqual({ action: 'refuse', reasons: ['--no-sandbox (sandbox-off)', '--remote-debugging-port (debugger)', 'NODE_OPTIONS (runs-other-code)'] });
  });

  it('lists no switch twice and spells every name as the decision compares it', () => {
    for (const name of Object.keys(refusedSwitches)) expect(name).toBe(name.toLowerCase());
    for (const name of Object.keys(refusedEnvironment)) expect(name).toBe(name.toUpperCase());
  });
});

describe('the packaged kiosk accepts only what it writes itself', () => {
  const hash = 'ab'.repeat(32);
  it('its relaunch markers start it, argv unchanged', () => {
    const args = ['--wipe-on-start=shift-end', `--last-applied-policy=${hash}`];
    expect(decideLaunch(packaged(args))).toEqual({ action: 'start', argv: [exe, ...args], env: {}, childEnv: {}, ignored: [] });
    expect(decideLaunch(packaged([]))).toEqual({ action: 'start', argv: [exe], env: {}, childEnv: {}, ignored: [] });
  });

  it('reads no variable of its environment: PUBLIC_KIOSK_* dropped with a line each (never the value), the rest silently', () => {
    const env = { PUBLIC_KIOSK_POLICY: '/tmp/c.yaml', PUBLIC_KIOSK_MACHINE_POLICY: '/tmp/forged/copy.yaml', ProgramData: 'D:\\evil', LANG: 'vi_VN.UTF-8', HOME: '/home/kiosk' };
    const decision = decideLaunch(packaged([], env));
    expect(decision.action).toBe('start');
    if (decision.action !== 'start') return;
    expect(decision.env).toEqual({});
    // The start-up wipe's CLI gets the OS's variables back (and applies these rules itself), never the kiosk's own.
    expect(decision.childEnv).toEqual({ ProgramData: 'D:\\evil', LANG: 'vi_VN.UTF-8', HOME: '/home/kiosk' });
    expect(decision.ignored).toEqual([
      'PUBLIC_KIOSK_POLICY ignored: the packaged kiosk uses only the machine policy file',
      'PUBLIC_KIOSK_MACHINE_POLICY ignored: the packaged kiosk uses only the machine policy file',
    ]);
    expect(decision.ignored.join('\n')).not.toContain('/tmp');
  });

  it('Windows compares variable names in any letter case', () => {
    const decision = decideLaunch(packaged([], { public_kiosk_policy: 'C:\\x.yaml', Node_Options: '-r x' }, 'win32'));
    expect(decision).toEqual({ action: 'refuse', reasons: ['Node_Options (runs-other-code)'] });
  });

  it('a development checkout accepts everything (npm start, npm run dev, the tests)', () => {
    const input = { argv: ['/x/electron', '/repo', '--dev', '--policy', 'p.yaml', '--inspect'], env: { PUBLIC_KIOSK_POLICY: 'q.yaml' }, isPackaged: false, platform: 'linux' as const };
    expect(decideLaunch(input)).toEqual({ action: 'start', argv: input.argv, env: input.env, childEnv: input.env, ignored: [] });
  });
});

describe('a relaunch', () => {
  it('packaged: passes only its own marker, whatever this process was started with', () => {
    expect(relaunchArguments([exe, '--lang=vi', '--wipe-on-start=staff'], true, ['--wipe-on-start=shift-end'])).toEqual(['--wipe-on-start=shift-end']);
    expect(relaunchArguments([exe, '--lang=vi'], true, [])).toEqual([]);
  });

  it('development: keeps the app path and its arguments, minus earlier markers', () => {
    const earlier = `--last-applied-policy=${'0'.repeat(64)}`;
    expect(relaunchArguments(['/x/electron', '/repo', '--policy', 'p.yaml', '--wipe-on-start=staff', earlier], false, ['--wipe-on-start=tick'])).toEqual([
      '/repo',
      '--policy',
      'p.yaml',
      '--wipe-on-start=tick',
    ]);
  });
});
