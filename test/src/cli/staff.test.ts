import { afterAll, describe, expect, it } from 'vitest';
import { SignInThrottle } from '../../../src/staff/sign-in-throttle';
import { StaffAccess } from '../../../src/staff/staff-access';
import { directivePolicy, MemoryCredentialStore, RecordingAuditSink } from '../staff/fakes';
import { staffCliFixture, twice } from './staff-cli';

const cli = staffCliFixture(['staff:', '  pin:', '    allowed: true']);
afterAll(() => cli.cleanup());

const secrets = ['Tr0ng-Dong-77', 'Qu4n-Tri-Vien!', '402917', 'Moi-Mat-Khau-42', 'short'];

describe('public-kiosk staff (as a script would drive it)', () => {
  it('adds accounts from two lines on stdin, and lists them', () => {
    const added = cli.staff(['add', 'Lan.NT', '--name', 'Nguyễn Thị Lan', '--role', 'staff'], twice('Tr0ng-Dong-77'));
    expect(added.stderr).toContain('New password: ');
    expect(added.stderr).toContain('Repeat the new password: ');
    expect(added).toMatchObject({
      code: 0,
      stdout: "Added staff 'lan.nt' (Nguyễn Thị Lan) with a password.\n'lan.nt' must replace this password with their own at the first sign-in.\n",
    });

    const admin = cli.staff(['add', 'it.admin', '--name', 'Trần Minh', '--role', 'admin'], twice('Qu4n-Tri-Vien!'));
    expect(admin.code).toBe(0);
    expect(admin.stdout).toContain("run 'public-kiosk staff totp-enrol it.admin'");

    const pin = cli.staff(['add', 'quay.2', '--name', 'Lê Hoa', '--role', 'staff', '--pin'], twice('402917'));
    expect(pin).toMatchObject({ code: 0, stdout: "Added staff 'quay.2' (Lê Hoa) with a PIN.\n'quay.2' must replace this PIN with their own at the first sign-in.\n" });

    const list = cli.staff(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^ID\s+ROLE\s+SECRET\s+CHANGED\s+OTP\s+LOCKOUT\s+NAME$/);
    expect(list.stdout).toMatch(/it\.admin\s+admin\s+password \(set by admin: must change\)\s+\d{4}-\d\d-\d\d\s+NO \(admin actions refused\)\s+Trần Minh/);
    expect(list.stdout).toMatch(/quay\.2\s+staff\s+pin \(set by admin: must change\)\s/);

    type Listed = { id: string; role: string; otpEnrolled: boolean; secretSetByAdmin: boolean; secretExpired: boolean; mustChangePassword: boolean };
    const json = JSON.parse(cli.staff(['list', '--json']).stdout) as Listed[];
    expect(json.map((a) => [a.id, a.role, a.otpEnrolled, a.secretSetByAdmin, a.secretExpired, a.mustChangePassword])).toEqual([
      ['lan.nt', 'staff', false, true, false, true],
      ['it.admin', 'admin', false, true, false, true],
      ['quay.2', 'staff', false, true, false, true],
    ]);
  });

  it.each([
    [['add', 'x.short', '--name', 'X', '--role', 'staff'], twice('short'), /password refused \(min-length\): must be at least 12 characters/],
    [['add', 'x.name', '--name', 'Phạm Quang', '--role', 'staff'], twice('Pham-Quang-2026'), /password refused \(contains-name\)/],
    [['add', 'x.pin', '--name', 'X', '--role', 'staff', '--pin'], twice('121212'), /PIN refused \(pin-repeat\)/],
    [['add', 'x.admin', '--name', 'X', '--role', 'admin', '--pin'], '', /PIN refused \(pin-role\)/],
    [['add', 'x.differ', '--name', 'X', '--role', 'staff'], 'Tr0ng-Dong-77\nTr0ng-Dong-78\n', /the two password entries differ; nothing was stored/],
    [['add', 'x.eof', '--name', 'X', '--role', 'staff'], 'Tr0ng-Dong-77\n', /stdin ended before every answer was given/],
    [['add', 'lan.nt', '--name', 'X', '--role', 'staff'], twice('Tr0ng-Dong-77'), /staff id 'lan.nt' already exists/],
    [['add', 'A', '--name', 'X', '--role', 'staff'], '', /staff id must be 3-32 characters/],
    [['add', 'x.role', '--name', 'X', '--role', 'root'], '', /--role must be staff or admin/],
    [['add', 'x.noname', '--role', 'staff'], '', /--name is required/],
    [['passwd', 'nobody.here'], twice('Tr0ng-Dong-77'), /no staff account 'nobody.here'/],
    [['passwd', 'it.admin', '--pin'], '', /PIN refused \(pin-role\)/],
    [['remove', 'nobody.here'], '', /no staff account 'nobody.here'/],
  ])('refuses %j with exit 2, names the rule, stores nothing', (args, input, message) => {
    const before = cli.accountsFile();
    const result = cli.staff(args, input);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(cli.accountsFile()).toBe(before);
  });

  it("shows the kiosk's sign-in delay from failed sign-ins at the kiosk and ends it with unlock", async () => {
    const access = new StaffAccess({ stateRoot: cli.stateRoot, policy: directivePolicy(), credentials: new MemoryCredentialStore(), audit: new RecordingAuditSink() });
    // Nine failed checks at the kiosk (the throttle StaffAccess uses; real scrypt nine times is slow here).
    const throttle = new SignInThrottle(cli.stateRoot, new RecordingAuditSink(), Date.now);
    for (let i = 0; i < 9; i += 1) await throttle.fail('quay.2', 'sign-in');
    expect(await access.signIn('quay.2', '402917', null)).toMatchObject({ ok: false, reason: 'locked', retryAfterSeconds: 256 });
    expect(cli.staff(['list']).stdout).toMatch(/quay\.2 .* kiosk waits until \d{4}-/);
    expect(cli.staff(['unlock', 'quay.2'])).toMatchObject({ code: 0, stdout: "Unlocked 'quay.2'.\n" });
    expect(cli.staff(['list']).stdout).not.toContain('waits until');
    expect(await access.signIn('quay.2', '402917', null)).toMatchObject({ ok: true, staff: { mustChangePassword: true } });

    // The owner replaces the PIN the IT officer chose: the listing no longer asks for a change.
    expect(await access.changePassword('quay.2', '402917', '580374')).toEqual({ ok: true });
    expect(cli.staff(['list']).stdout).toMatch(/quay\.2\s+staff\s+pin\s+\d{4}-/);
    expect(JSON.parse(cli.staff(['list', '--json']).stdout)).toContainEqual(
      expect.objectContaining({ id: 'quay.2', secretSetByAdmin: false, mustChangePassword: false }),
    );
  });

  it('sets a new secret, unlocks, removes', () => {
    expect(cli.staff(['passwd', 'LAN.NT'], twice('Moi-Mat-Khau-42'))).toMatchObject({
      code: 0,
      stdout: "New password set for 'lan.nt'; they must replace it with their own at the next sign-in.\n",
    });
    expect(cli.staff(['unlock', 'lan.nt'])).toMatchObject({ code: 0, stdout: "Unlocked 'lan.nt'.\n" });
    expect(cli.staff(['remove', 'quay.2'])).toMatchObject({ code: 0, stdout: "Removed 'quay.2'.\n" });
    expect(JSON.parse(cli.staff(['list', '--json']).stdout)).toHaveLength(2);
  });

  it('audits each change by staff id, and no secret or verifier appears in output, audit log or --json', () => {
    const audit = cli.auditLog();
    const actions = audit.trim().split('\n').map((line) => {
      const { rec } = JSON.parse(line) as { rec: { staffId: string; action: string; outcome: string } };
      return `${rec.staffId} ${rec.action} ${rec.outcome}`;
    });
    expect(actions).toEqual([
      'lan.nt account-added success',
      'it.admin account-added success',
      'quay.2 account-added success',
      // The kiosk's failed sign-ins, one record for the burst, written when unlock ended it.
      '(burst) sign-in failure',
      'quay.2 unlocked success',
      'lan.nt password-changed success',
      'lan.nt unlocked success',
      'quay.2 account-removed success',
    ]);
    const accounts = JSON.parse(cli.accountsFile()) as { accounts: { verifier: { hash: string; salt: string } }[] };
    const verifierParts = accounts.accounts.flatMap((a) => [a.verifier.hash, a.verifier.salt]);
    const outputs = [audit, cli.staff(['list', '--json']).stdout, cli.staff(['list']).stdout];
    for (const text of outputs) {
      for (const secret of [...secrets.filter((s) => s !== 'short'), ...verifierParts]) expect(text).not.toContain(secret);
    }
    for (const secret of secrets) expect(cli.accountsFile()).not.toContain(secret);
  });

  it('refuses OTP enrolment where there is no OS credential store, with exit 1 and a clear reason', () => {
    const result = cli.staff(['totp-enrol', 'it.admin', '--print-secret'], '123456\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no OS credential store is available .* OTP cannot be enrolled/);
    expect(result.stderr).not.toContain('otpauth://');
    expect(JSON.parse(cli.staff(['list', '--json']).stdout)).toContainEqual(expect.objectContaining({ id: 'it.admin', otpEnrolled: false }));
  });

  it('will not print the OTP secret into a pipe unless told to', () => {
    const result = cli.staff(['totp-enrol', 'it.admin'], '');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/stderr is not a terminal: the OTP secret could end up in a file/);
  });
});
