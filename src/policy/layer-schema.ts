import { z } from 'zod';
import { policySchema } from './schema';

/**
 * Schema for one policy layer (a machine file may set just `sites.allow`): the policy schema with
 * every object key optional, all the way down, still strict. Array items and leaf values keep their
 * full rules, because arrays replace the lower layer's array whole. Derived, so it never drifts.
 */
export function deepPartial(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, value] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      shape[key] = deepPartial(unwrapOptional(value)).optional();
    }
    const partial = z.strictObject(shape);
    return schema.description ? partial.describe(schema.description) : partial;
  }
  if (schema instanceof z.ZodRecord) {
    return z.record(schema.keyType as z.ZodString, deepPartial(schema.valueType as z.ZodType));
  }
  if (schema instanceof z.ZodUnion) {
    const options = (schema.options as z.ZodType[]).map(deepPartial);
    return z.union(options as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  }
  return schema;
}

function unwrapOptional(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
}

export const policyLayerSchema = deepPartial(policySchema);

/** The keys an object accepts at `path` of the policy, for "did you mean" hints. */
export function keysAt(path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = policySchema;
  for (const segment of path) {
    current = current ? childSchema(unwrapOptional(current), segment) : undefined;
  }
  let target = current ? unwrapOptional(current) : undefined;
  if (target instanceof z.ZodUnion) target = childSchema(target, '');
  return target instanceof z.ZodObject ? Object.keys(target.shape as object) : [];
}

function childSchema(schema: z.ZodType, segment: PropertyKey): z.ZodType | undefined {
  if (schema instanceof z.ZodObject) return (schema.shape as Record<string, z.ZodType>)[String(segment)];
  if (schema instanceof z.ZodArray) return schema.element as z.ZodType;
  if (schema instanceof z.ZodRecord) return schema.valueType as z.ZodType;
  if (schema instanceof z.ZodUnion) {
    return (schema.options as z.ZodType[]).find((option) => option instanceof z.ZodObject);
  }
  return undefined;
}
