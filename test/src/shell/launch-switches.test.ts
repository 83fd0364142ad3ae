import { describe, expect, it } from 'vitest';
import { decideLaunch, refusedEnvironment, refusedSwitches, relaunchArguments, switchName, type LaunchInput } from '../../../src/shell/launch-switches';

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

describe('the packaged kiosk trusts only its machine policy', () => {
  it('drops --dev, --policy FILE, --policy=FILE and PUBLIC_KIOSK_POLICY, each logged without its value', () => {
    const decision = decideLaunch(packaged(['--dev', '--policy', '/tmp/open.yaml', '--policy=/tmp/b.yaml', '--ozone-platform=x11'], { PUBLIC_KIOSK_POLICY: '/tmp/c.yaml', LANG: 'vi_VN.UTF-8' }));
    expect(decision.action).toBe('start');
    if (decision.action !== 'start') return;
    expect(decision.argv).toEqual([exe, '--ozone-platform=x11']);
    expect(decision.env).toEqual({ LANG: 'vi_VN.UTF-8' });
    expect(decision.ignored).toHaveLength(4);
    expect(decision.ignored.join('\n')).not.toContain('/tmp');
  });

  it('keeps harmless switches and the relaunch marker', () => {
    const decision = decideLaunch(packaged(['--wipe-on-start=shift-end', '--disable-gpu', '--lang=vi']));
    expect(decision).toEqual({ action: 'start', argv: [exe, '--wipe-on-start=shift-end', '--disable-gpu', '--lang=vi'], env: {}, ignored: [] });
  });

  it('a development checkout accepts everything (npm start, npm run dev, the tests)', () => {
    const input = { argv: ['/x/electron', '/repo', '--dev', '--policy', 'p.yaml', '--inspect'], env: { PUBLIC_KIOSK_POLICY: 'q.yaml' }, isPackaged: false, platform: 'linux' as const };
    expect(decideLaunch(input)).toEqual({ action: 'start', argv: input.argv, env: input.env, ignored: [] });
  });
});

describe('a relaunch', () => {
  it('packaged: passes only its own marker, whatever this process was started with', () => {
    expect(relaunchArguments([exe, '--lang=vi', '--wipe-on-start=staff'], true, '--wipe-on-start', ['--wipe-on-start=shift-end'])).toEqual(['--wipe-on-start=shift-end']);
    expect(relaunchArguments([exe, '--lang=vi'], true, '--wipe-on-start', [])).toEqual([]);
  });

  it('development: keeps the app path and its arguments, minus an earlier marker', () => {
    expect(relaunchArguments(['/x/electron', '/repo', '--policy', 'p.yaml', '--wipe-on-start=staff'], false, '--wipe-on-start', ['--wipe-on-start=tick'])).toEqual([
      '/repo',
      '--policy',
      'p.yaml',
      '--wipe-on-start=tick',
    ]);
  });
});
