import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';

// Bad input to the department's signature checks is exit 2 with one clear line (FILE:LINE:COL for
// keys.yaml), and nothing is reported from it.
const dir = mkdtempSync(path.join(tmpdir(), 'pk-keys-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const logs = path.join(dir, 'logs');
mkdirSync(logs);
writeFileSync(path.join(logs, 'kiosk-a.log'), '');
const policy = path.join(dir, 'policy.yaml');
writeFileSync(policy, `paths:\n  state: ${JSON.stringify(path.join(dir, 'state'))}\n`);
const env = { PUBLIC_KIOSK_POLICY: '' };
const report = (keys: string) => runCli(['report', '--from', '2026-12-01', '--to', '2026-12-01', '--logs', logs, '--keys', keys, '--format', 'json', '--policy', policy], { env });

describe('report --keys and audit verify --public-key: bad input', () => {
  it('a malformed keys.yaml is exit 2 naming FILE:LINE:COL', () => {
    const keys = path.join(dir, 'keys.yaml');
    writeFileSync(keys, 'kiosk-a:\n  publicKey: "unterminated\n');
    const result = report(keys);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`${keys.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+ \\(yaml\\): `));
  });

  it('a key that is not Ed25519 is exit 2, in keys.yaml and as --public-key', () => {
    const rsa = String(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }));
    const keys = path.join(dir, 'rsa-keys.yaml');
    writeFileSync(keys, `kiosk-a:\n  publicKey: |\n${rsa.trim().split('\n').map((l) => `    ${l}`).join('\n')}\n  fingerprint: ${'0'.repeat(64)}\n  since: 2026-12-01\n`);
    const inYaml = report(keys);
    expect(inYaml.code).toBe(2);
    expect(inYaml.stderr).toMatch(/rsa-keys\.yaml:2:14 kiosk-a\.publicKey: must be an Ed25519 public key in PEM form/);
    const pem = path.join(dir, 'rsa.pem');
    writeFileSync(pem, rsa);
    const verify = runCli(['audit', 'verify', '--log', path.join(logs, 'kiosk-a.log'), '--public-key', pem], { env });
    expect(verify.code).toBe(2);
    expect(verify.stderr).toMatch(/rsa\.pem:1:1 \(file\): a rsa key; the kiosk signs with Ed25519/);
  });

  it('--keys needs --logs', () => {
    const result = runCli(['report', '--from', '2026-12-01', '--to', '2026-12-01', '--keys', path.join(dir, 'keys.yaml'), '--policy', policy], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--keys checks forwarded logs: give --logs DIR too/);
  });
});
