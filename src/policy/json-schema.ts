import { z } from 'zod';
import { policyLayerSchema } from './layer-schema';

/**
 * The JSON Schema editors use (yaml-language-server) to complete and check policy files, generated
 * from the zod schema by `npm run schema` into policies/policy.schema.json. It describes one layer,
 * because every file an IT officer writes is one: the machine file sets only what it changes, so
 * every key is optional here, while unknown keys and wrong types are still flagged as you type.
 * `public-kiosk policy check` adds what a JSON Schema cannot say (time zones, host names, the rules
 * across fields, the merged result).
 */
export function policyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(policyLayerSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...generated,
    $id: 'https://github.com/public-kiosk/public-kiosk/policies/policy.schema.json',
    title: 'public-kiosk policy',
    description: 'A public-kiosk policy file (one layer: built-in defaults < policies/default.yaml < machine policy < --policy FILE). Check with: public-kiosk policy check FILE',
  };
}
