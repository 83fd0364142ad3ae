import { readFileSync, statSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { PathSegment, PolicyIssue } from './issues';

/** One policy file, parsed, with what is needed to point at any of its keys. */
export interface PolicySource {
  file: string;
  /** `undefined` when the file could not be read or parsed into a mapping. */
  data: Record<string, unknown> | undefined;
  locate(path: readonly PathSegment[], at?: 'key' | 'value'): { line: number; col: number };
  /** Whether the file itself sets this path (for pointing merged errors at the right layer). */
  defines(path: readonly PathSegment[]): boolean;
}

/** Larger than any honest policy; refuses to read a wrong path (a disk image, a log) into memory. */
const maxPolicyBytes = 1024 * 1024;

export type ReadResult = { kind: 'missing' } | { kind: 'read'; source: PolicySource; issues: PolicyIssue[] };

export function readPolicyFile(file: string): ReadResult {
  let text: string;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return failed(file, 'is not a regular file');
    if (stat.size > maxPolicyBytes) return failed(file, `is larger than ${maxPolicyBytes} bytes; is this the right file?`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return failed(file, `cannot be read (${code ?? String(error)})`);
  }
  return { kind: 'read', ...parsePolicyText(file, text) };
}

/** A policy file's content already read (policy pick-up judges exactly the bytes it hashed). */
export function readPolicyBytes(file: string, bytes: Buffer | null): ReadResult {
  if (bytes === null) return { kind: 'missing' };
  if (bytes.length > maxPolicyBytes) return failed(file, `is larger than ${maxPolicyBytes} bytes; is this the right file?`);
  return { kind: 'read', ...parsePolicyText(file, bytes.toString('utf8')) };
}

export function parsePolicyText(file: string, text: string): { source: PolicySource; issues: PolicyIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, strict: true });
  const position = (offset: number) => lineCounter.linePos(offset);
  const issues: PolicyIssue[] = [...doc.errors, ...doc.warnings].map((error) => {
    const where = error.linePos?.[0] ?? position(error.pos[0]);
    const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return { file, line: where.line, col: where.col, path: '(yaml)', message };
  });
  let data: Record<string, unknown> | undefined;
  if (issues.length === 0) {
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
    else {
      const at = doc.contents?.range ? position(doc.contents.range[0]) : { line: 1, col: 1 };
      const what = value === null || value === undefined ? 'the file is empty' : 'the top level is not a mapping';
      issues.push({ file, ...at, path: '(root)', message: `${what}; a policy file is a mapping of settings (see policies/default.yaml)` });
    }
  }
  const source: PolicySource = {
    file,
    data,
    locate: (path, at = 'value') => {
      const found = walk(doc, path);
      const offset = at === 'key' && found.keyOffset !== undefined ? found.keyOffset : found.offset;
      return offset === undefined ? { line: 1, col: 1 } : position(offset);
    },
    defines: (path) => walk(doc, path).depth === path.length,
  };
  return { source, issues };
}

/** Follows `path` as far as the document goes; offsets of the deepest node reached and its key. */
function walk(doc: Document, path: readonly PathSegment[]) {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  let keyOffset: number | undefined;
  let depth = 0;
  for (const segment of path) {
    let next: { key?: unknown; value: unknown } | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair) next = { key: pair.key, value: pair.value };
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item !== undefined) next = { value: item };
    }
    if (!next) break;
    keyOffset = rangeStart(next.key) ?? rangeStart(next.value);
    // `key:` with no value has no value node: point at the key.
    offset = rangeStart(next.value) ?? keyOffset;
    node = next.value;
    depth += 1;
  }
  return { offset, keyOffset, depth };
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

function failed(file: string, message: string): ReadResult {
  const source: PolicySource = { file, data: undefined, locate: () => ({ line: 0, col: 0 }), defines: () => false };
  return { kind: 'read', source, issues: [{ file, line: 0, col: 0, path: '(file)', message: `the file ${message}` }] };
}
