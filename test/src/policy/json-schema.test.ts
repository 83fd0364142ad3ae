import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyJsonSchema } from '../../../src/policy/json-schema';

const checkedIn = path.resolve(__dirname, '..', '..', '..', 'policies', 'policy.schema.json');

describe('policies/policy.schema.json', () => {
  it('is what `npm run schema` generates from the zod schema today (run it after changing schema.ts)', () => {
    const fresh = `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
    expect(readFileSync(checkedIn, 'utf8')).toBe(fresh);
  });

  it('rejects unknown keys at every level, so editors flag typos as you type', () => {
    const schema = policyJsonSchema() as { additionalProperties?: unknown; properties: Record<string, { additionalProperties?: unknown }> };
    expect(schema.additionalProperties).toBe(false);
    for (const section of ['sites', 'schedule', 'session', 'downloads', 'paths', 'wipe', 'staff']) {
      expect(schema.properties[section]?.additionalProperties, section).toBe(false);
    }
  });

  it('is referenced by the first line of default.yaml', () => {
    const yaml = readFileSync(path.join(path.dirname(checkedIn), 'default.yaml'), 'utf8');
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=./policy.schema.json');
  });
});
