import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands';
import { decidePackagedCli, POLICY_FILE_COMMANDS, policyFileRefusal } from '../../../src/cli/packaged-launch';
import { cliArguments } from '../../../src/install/cli-arguments';
import { CLI_MARKER, LINUX_CLI_SWITCHES } from '../../../src/install/scheduled-program';

// The packaged binary run as the CLI (main/headless.ts). Only a packaged build runs that wiring, so
// the decision is tested here as the pure function it calls, over argv as the OS hands it over.
const exe = '/opt/public-kiosk/public-kiosk';
const words = new Set(commands.map((c) => c.words[0] ?? ''));
const decide = (argv: string[], env: Record<string, string> = {}, platform: NodeJS.Platform = 'linux') => {
  const cliArgs = cliArguments(argv, true, words);
  if (cliArgs === null) throw new Error('not a CLI start');
  return decidePackagedCli({ argv, cliArgs, env, platform });
};
const wrapper = (args: string[]) => [exe, ...LINUX_CLI_SWITCHES, ...args];

describe('--policy FILE in the packaged CLI', () => {
  it.each([
    ['policy', 'check', '--policy', '/tmp/draft.yaml'],
    ['policy', 'check', '/tmp/draft.yaml'],
    ['policy', 'check-url', 'https://x.gov.vn/', '--policy=/tmp/draft.yaml'],
    ['schedule', '--policy', '/tmp/draft.yaml', '--count', '3'],
    ['report', '--policy', '/tmp/draft.yaml'],
  ])('read-only %s %s: honoured', (...args) => {
    expect(decide(wrapper(args))).toEqual({ action: 'run', env: {}, ignored: [] });
  });

  it.each([
    [['wipe', '--if-due', '--policy', '/tmp/open.yaml'], 'wipe'],
    [['wipe', '--policy=/tmp/open.yaml'], 'wipe'],
    [['staff', 'add', 'an', '--policy', '/tmp/open.yaml'], 'staff add'],
    [['staff', 'unlock', 'an', '--policy', '/tmp/open.yaml'], 'staff unlock'],
    [['audit', 'verify', '--policy', '/tmp/open.yaml'], 'audit verify'],
    [['audit', 'start-new-log', '--policy', '/tmp/open.yaml'], 'audit start-new-log'],
    [['forward', '--once', '--policy', '/tmp/open.yaml'], 'forward'],
    [['metrics', '--policy', '/tmp/open.yaml'], 'metrics'],
    [['install-schedule', '--policy', '/tmp/open.yaml'], 'install-schedule'],
    [['status', '--policy', '/tmp/open.yaml'], 'status'],
    [['doctor', '--policy', '/tmp/open.yaml'], 'doctor'],
  ])('%j: refused, naming the command', (args, named) => {
    const decision = decide(wrapper(args));
    expect(decision).toEqual({ action: 'refuse', reasons: [`--policy FILE (the installed app's '${named}' runs on the machine policy; only policy check, policy check-url, schedule and report read another file)`] });
  });

  it('every command not on the read-only list refuses it (a command added later too)', () => {
    const readOnly = POLICY_FILE_COMMANDS.map((w) => w.join(' '));
    for (const command of commands) {
      const refusal = policyFileRefusal([...command.words, '--policy', 'x.yaml']);
      expect(refusal === null, command.words.join(' ')).toBe(readOnly.includes(command.words.join(' ')));
    }
  });
});

describe('the environment of the packaged CLI', () => {
  it('the dangerous variables are refused, as by the kiosk', () => {
    expect(decide(wrapper(['status']), { NODE_OPTIONS: '-r /tmp/x.js', SSLKEYLOGFILE: '/tmp/k' })).toEqual({ action: 'refuse', reasons: ['NODE_OPTIONS (runs-other-code)', 'SSLKEYLOGFILE (tls-weakened)'] });
  });

  it('PUBLIC_KIOSK_POLICY and the old stand-in variable are ignored (a line each); only APPIMAGE is read', () => {
    const env = { PUBLIC_KIOSK_POLICY: '/tmp/open.yaml', PUBLIC_KIOSK_MACHINE_POLICY: '/tmp/forged/copy.yaml', APPIMAGE: '/opt/pk.AppImage', HOME: '/root', LANG: 'C' };
    expect(decide(wrapper(['wipe', '--if-due']), env)).toEqual({
      action: 'run',
      env: { APPIMAGE: '/opt/pk.AppImage' },
      ignored: ['PUBLIC_KIOSK_POLICY ignored: the packaged kiosk uses only the machine policy file', 'PUBLIC_KIOSK_MACHINE_POLICY ignored: the packaged kiosk uses only the machine policy file'],
    });
  });
});

describe('switches before the command', () => {
  it('the Linux wrapper\'s, the Windows task\'s marker, or none: accepted', () => {
    expect(decide(wrapper(['wipe', '--if-due'])).action).toBe('run');
    expect(decide([exe, CLI_MARKER, 'wipe', '--if-due'], {}, 'win32').action).toBe('run');
    expect(decide([exe, 'status']).action).toBe('run');
  });

  it('anything else: refused', () => {
    expect(decide([exe, '--remote-debugging-port=9222', CLI_MARKER, 'status'])).toEqual({ action: 'refuse', reasons: ['--remote-debugging-port (not a switch the packaged CLI\'s wrapper writes)'] });
    expect(decide([exe, '--no-sandbox', CLI_MARKER, 'status'], {}, 'win32')).toEqual({ action: 'refuse', reasons: ['--no-sandbox (not a switch the packaged CLI\'s wrapper writes)'] });
  });
});
