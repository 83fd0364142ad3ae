import type { PathSegment } from './issues';

/** Keys a YAML file could use to reach Object.prototype through a naive merge. */
const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype']);

export interface MergeResult {
  value: Record<string, unknown>;
  /** For every merged object, array and value: the index of the layer that set it (highest wins). */
  ownerOf(path: readonly PathSegment[]): number | undefined;
}

/**
 * Deep-merges layers, lowest first: objects merge key by key, arrays and values replace whole (a
 * machine file's `sites.allow` is the whole allowlist, not an addition to the bundled one).
 */
export function mergeLayers(layers: readonly (Record<string, unknown> | undefined)[]): MergeResult {
  const owners = new Map<string, number>();
  const value: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  layers.forEach((layer, index) => {
    if (layer) mergeInto(value, layer, index, [], owners);
  });
  return {
    value: toPlain(value) as Record<string, unknown>,
    ownerOf: (path) => {
      for (let length = path.length; length > 0; length -= 1) {
        const owner = owners.get(key(path.slice(0, length)));
        if (owner !== undefined) return owner;
      }
      return undefined;
    },
  };
}

function mergeInto(target: Record<string, unknown>, layer: Record<string, unknown>, index: number, path: PathSegment[], owners: Map<string, number>) {
  for (const [name, incoming] of Object.entries(layer)) {
    const childPath = [...path, name];
    owners.set(key(childPath), index);
    if (unsafeKeys.has(name)) {
      // Kept as an own data property so strict validation reports it as an unknown key.
      Object.defineProperty(target, name, { value: incoming, enumerable: true, writable: true, configurable: true });
      continue;
    }
    const existing = target[name];
    if (isPlainObject(incoming) && isPlainObject(existing)) mergeInto(existing, incoming, index, childPath, owners);
    else if (isPlainObject(incoming)) {
      const fresh = Object.create(null) as Record<string, unknown>;
      target[name] = fresh;
      mergeInto(fresh, incoming, index, childPath, owners);
    } else target[name] = incoming;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Back to ordinary objects (null-prototype objects print oddly and surprise consumers). */
function toPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlain);
  if (!isPlainObject(value)) return value;
  const plain: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(value)) {
    Object.defineProperty(plain, name, { value: toPlain(child), enumerable: true, writable: true, configurable: true });
  }
  return plain;
}

function key(path: readonly PathSegment[]): string {
  return JSON.stringify(path);
}
