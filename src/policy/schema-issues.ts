import type { z } from 'zod';
import type { PathSegment } from './issues';
import { keysAt } from './layer-schema';

/** A schema problem as the IT officer should read it, with where to point: at the key or its value. */
export interface SchemaIssue {
  path: PathSegment[];
  message: string;
  at: 'key' | 'value';
}

/** Turns zod's issues into one clear message per mistake (an unknown key each, unions flattened). */
export function schemaIssues(error: z.ZodError, data: unknown): SchemaIssue[] {
  return error.issues.flatMap((issue) => convert(issue as unknown as RawIssue, [], data));
}

interface RawIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  errors?: RawIssue[][];
  expected?: string;
}

function convert(issue: RawIssue, base: PathSegment[], data: unknown): SchemaIssue[] {
  const path = [...base, ...issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)))];
  if (issue.code === 'unrecognized_keys') {
    const allowed = keysAt(path);
    return (issue.keys ?? []).map((name) => ({
      path: [...path, name],
      message: `unknown key "${name}"${suggestion(name, allowed)}`,
      at: 'key' as const,
    }));
  }
  if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
    // Report the branch that got furthest: the one whose issues are not "wrong type here".
    const value = valueAt(data, path);
    const branches = issue.errors.filter((branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
    const chosen = branches[0];
    // A mapping went down the mapping branch; a host string that failed its own check says why.
    const ownCheck = chosen?.every((inner) => inner.code === 'custom') ?? false;
    if (chosen && ((value !== null && typeof value === 'object') || ownCheck)) return chosen.flatMap((inner) => convert(inner, path, data));
    return [{ path, message: 'must be a path, or a mapping with windows/linux/darwin paths', at: 'value' }];
  }
  if (issue.code === 'invalid_key') {
    // The only record is sites.categories: its keys are names used in blockCategories.
    const name = String(path[path.length - 1]);
    return [{ path, message: `"${name}" is not a valid category name: use lower-case letters, digits and dashes (e.g. chat-apps)`, at: 'key' }];
  }
  if (issue.code === 'invalid_type' && valueAt(data, path) === undefined) {
    return [{ path, message: `is required${issue.expected ? ` (${issue.expected})` : ''}`, at: 'value' }];
  }
  return [{ path, message: issue.message, at: 'value' }];
}

export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}

function suggestion(name: string, allowed: readonly string[]): string {
  const close = allowed
    .map((candidate) => ({ candidate, distance: editDistance(name.toLowerCase(), candidate.toLowerCase()) }))
    .filter((entry) => entry.distance <= Math.max(2, Math.floor(entry.candidate.length / 3)))
    .sort((a, b) => a.distance - b.distance)[0];
  if (close) return `; did you mean "${close.candidate}"?`;
  return allowed.length > 0 ? `; allowed here: ${allowed.join(', ')}` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
