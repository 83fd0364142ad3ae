import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPolicy } from '../../../src/policy/load';
import { policySchema, type Policy } from '../../../src/policy/schema';

/** A temp folder per test file for real policy files; `cleanup` removes it. */
export function policyDir(): { dir: string; write(name: string, text: string): string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pk-policy-'));
  return {
    dir,
    write(name, text) {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The bundled policies/default.yaml as the kiosk loads it (no machine file, empty environment). */
export function bundledPolicy(): Policy {
  const result = loadPolicy({ machineFile: null, env: {}, platform: 'linux' });
  if (!result.ok) throw new Error(`bundled default.yaml is invalid: ${JSON.stringify(result.errors)}`);
  return result.policy;
}

/** The bundled policy with its `sites` replaced, validated like any policy. */
export function policyWithSites(sites: Partial<Policy['sites']>): Policy {
  const copy = structuredClone(bundledPolicy()) as Policy;
  return policySchema.parse({ ...copy, sites: { ...copy.sites, ...sites } });
}

/** For building a RegExp that matches a file name literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
