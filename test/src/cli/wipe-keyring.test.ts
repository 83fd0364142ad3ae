import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry, repoRoot, runCli } from '../../support/cli';
import { makeKeyringHome, removeKeyringHome, runInSecretService, skipWithoutSecretService } from '../secrets/secret-service-session';
import { auditRecords, makeCliRoots, plant, type CliRoots } from './wipe-fixtures';

// The CLI against a REAL Secret Service (gnome-keyring in a private D-Bus session): the shift wipe
// deletes the policy's credential services, and the audit log is keyed with a key kept there.
const skip = skipWithoutSecretService('wipe-keyring');
const SERVICE = 'portal.test.gov.vn';
let roots: CliRoots;
let home: string;

const store = path.join(repoRoot, 'dist', 'src', 'secrets', 'os-credential-store.js');
function inKeyring(args: string[]) {
  return runInSecretService(args, { home, env: { PUBLIC_KIOSK_POLICY: '' } });
}
function storeScript(body: string) {
  return inKeyring([process.execPath, '-e', `const s = require(${JSON.stringify(store)}).createOsCredentialStore(); (async () => { ${body} })().catch((e) => { console.error(e.message); process.exit(1); });`]);
}

beforeAll(() => {
  if (skip) return;
  roots = makeCliRoots(0, [SERVICE]);
  home = makeKeyringHome();
});
afterAll(() => {
  roots?.cleanup();
  if (home) removeKeyringHome(home);
});

describe.skipIf(skip)('shift wipe with the OS credential store', () => {
  it('deletes every account of the policy service, keys the audit log, and verifies with that key', () => {
    const seeded = storeScript(`await s.set('${SERVICE}', 'citizen-a', 'pw1'); await s.set('${SERVICE}', 'citizen-b', 'pw2'); await s.set('other.service', 'keep', 'pw3');`);
    expect(seeded.code, seeded.stderr).toBe(0);
    plant(roots.downloads, { 's/f.pdf': 'f' });
    const wiped = inKeyring([process.execPath, cliEntry, 'wipe', '--reason', 'shift-end', ...roots.args]);
    expect(wiped.stderr).not.toMatch(/public-kiosk:/); // dbus-daemon talks on stderr too
    expect(wiped.code).toBe(0);
    // The keyed log is signed too: its key first, the wipe, then the checkpoint signing it.
    expect(auditRecords(roots.state).map((r) => r.type)).toEqual(['log-started', 'wipe', 'checkpoint']);
    expect(auditRecords(roots.state).filter((r) => r.type === 'wipe')).toMatchObject([{ result: 'succeeded', credentialEntriesRemoved: 2, filesRemoved: 1 }]);
    const left = storeScript(`console.log(JSON.stringify([await s.accounts('${SERVICE}'), await s.accounts('other.service'), (await s.get('public-kiosk', 'audit-key')) !== null]));`);
    expect(JSON.parse(left.stdout)).toEqual([[], ['keep'], true]);
    const status = inKeyring([process.execPath, cliEntry, 'status', ...roots.args]);
    expect(status.stdout).toMatch(/^Credential store: available$/m);
    expect(status.stdout).toMatch(/^Staff OTP: can be enrolled and checked$/m);
    expect(status.stdout).toMatch(/^Audit log: keyed \(HMAC-SHA256/m);
    expect(inKeyring([process.execPath, cliEntry, 'audit', 'verify', ...roots.args]).stdout).toMatch(/^Audit log intact; 3 record\(s\), sealing keyed/);
    // Where the key cannot be read the keyed log cannot be vouched for: said so, exit 1.
    const outside = runCli(['audit', 'verify', ...roots.args]);
    expect(outside.code).toBe(1);
    expect(outside.stdout).toMatch(/line 1: unverifiable: keyed record but the audit key cannot be read/);
  });
});
