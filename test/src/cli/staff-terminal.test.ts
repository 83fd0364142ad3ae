import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { StaffAccess } from '../../../src/staff/staff-access';
import { base32Decode, totpCode } from '../../../src/staff/totp';
import { cliEntry } from '../../support/cli';
import { inSecretService, makeKeyringHome, removeKeyringHome, skipWithoutSecretService } from '../secrets/secret-service-session';
import { directivePolicy, MemoryCredentialStore, RecordingAuditSink } from '../staff/fakes';
import { converse, staffCliFixture } from './staff-cli';

// util-linux script(1) gives the CLI a real pseudo-terminal, as when the IT officer types at a console.
const script = '/usr/bin/script';
const noScript = !existsSync(script);
if (noScript) console.warn(`SKIPPED staff prompts on a terminal: ${script} is missing (apt-get install bsdutils)`);

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

describe.skipIf(noScript)('public-kiosk staff on a real terminal', () => {
  const cli = staffCliFixture();
  afterAll(() => cli.cleanup());
  const onTerminal = (args: string[]) => {
    const full = [process.execPath, cliEntry, 'staff', ...args, '--state', cli.stateRoot, '--policy', cli.policyFile];
    return ['-qefc', full.map(quote).join(' '), '/dev/null'];
  };
  const env = { ...process.env, PUBLIC_KIOSK_POLICY: '', DBUS_SESSION_BUS_ADDRESS: `unix:path=${cli.dir}/no-bus` };

  it('reads the new password twice without echo, with Backspace working', async () => {
    const run = await converse(script, onTerminal(['add', 'tty.user', '--name', 'Võ Thị Sáu', '--role', 'staff']), [
      { when: /New password: /, answer: 'Tr0ng-Dong-77X\u007f\r' },
      { when: /Repeat the new password: /, answer: 'Tr0ng-Dong-77\r' },
    ], env);
    expect(run.output).toContain("Added staff 'tty.user' (Võ Thị Sáu) with a password.");
    expect(run.code).toBe(0);
    expect(run.output).not.toContain('Tr0ng');
    const access = new StaffAccess({ stateRoot: cli.stateRoot, policy: directivePolicy(), credentials: new MemoryCredentialStore(), audit: new RecordingAuditSink() });
    expect((await access.signIn('tty.user', 'Tr0ng-Dong-77', null)).ok).toBe(true);
  });

  it('cancels on Ctrl-C and stores nothing', async () => {
    const before = cli.accountsFile();
    const run = await converse(script, onTerminal(['passwd', 'tty.user']), [{ when: /New password: /, answer: 'Half-typ\u0003' }], env);
    expect(run.output).toContain('cancelled; nothing was stored');
    expect(run.code).toBe(2);
    expect(run.output).not.toContain('Half-typ');
    expect(cli.accountsFile()).toBe(before);
  });

  const skipKeyring = skipWithoutSecretService('staff totp-enrol on a terminal');
  it.skipIf(skipKeyring)('shows the QR code on the terminal without --print-secret and echoes the code typed', async () => {
    const home = makeKeyringHome();
    try {
      const wrapped = inSecretService([script, ...onTerminal(['totp-enrol', 'tty.user'])], home);
      let code = '';
      const run = await converse(wrapped.command, wrapped.args, [
        {
          when: /secret=([A-Z2-7]+)&[\s\S]*Code shown by the app: /,
          answer: (m) => {
            code = totpCode(base32Decode(m[1] ?? ''), Date.now());
            return `${code}\r`;
          },
        },
      ], wrapped.env);
      expect(run.output).toMatch(/[▀▄█]{10}/);
      expect(run.output).toContain(`Code shown by the app: ${code}`);
      expect(run.output).toContain("OTP enrolled for 'tty.user'.");
      expect(run.code).toBe(0);
    } finally {
      removeKeyringHome(home);
    }
  });
});
