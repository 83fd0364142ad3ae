import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The core's folders stand in layers: a folder may import only from folders on a lower layer, never
 * from its own layer's neighbours or from above, and no file imports in a circle. A new folder must be
 * given its layer here, so that where it sits is a decision rather than an accident.
 */
const srcLayers: readonly (readonly string[])[] = [
  ['crash'],
  ['secrets', 'ipc'],
  ['state'],
  ['audit', 'policy'],
  ['schedule'],
  ['wipe', 'staff', 'liveness', 'install', 'compliance', 'metrics', 'policy-pickup', 'forwarding', 'report', 'blocked-journal'],
  ['session'],
  ['shell'],
  ['cli'],
];

interface ImportEdge {
  from: string;
  to: string;
}

const importPattern = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function sourceFiles(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const file = path.join(root, name);
    if (statSync(file).isDirectory()) out.push(...sourceFiles(file));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(file);
  }
  return out;
}

/** Relative imports (type-only ones too: a type import is still a dependency on that layer). */
function importEdges(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(root)) {
    for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
      const target = path.resolve(path.dirname(file), match[1] ?? match[2] ?? '');
      const resolved = [`${target}.ts`, path.join(target, 'index.ts')].find((candidate) => {
        try {
          return statSync(candidate).isFile();
        } catch {
          return false;
        }
      });
      if (resolved) edges.push({ from: path.relative(root, file), to: path.relative(root, resolved) });
    }
  }
  return edges;
}

const folderOf = (file: string) => (file.includes(path.sep) ? file.split(path.sep)[0]! : '.');

function layerViolations(root: string, layers: readonly (readonly string[])[]): string[] {
  const layerOf = new Map<string, number>();
  layers.forEach((folders, index) => folders.forEach((folder) => layerOf.set(folder, index)));
  const problems = new Set<string>();
  for (const folder of new Set(sourceFiles(root).map((f) => folderOf(path.relative(root, f))))) {
    if (folder !== '.' && !layerOf.has(folder)) problems.add(`${folder}/ has no layer: add it to srcLayers`);
  }
  for (const { from, to } of importEdges(root)) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a === b) continue;
    const la = layerOf.get(a);
    const lb = layerOf.get(b);
    if (la === undefined || lb === undefined) continue;
    if (lb >= la) problems.add(`${from} imports ${to}: ${b}/ is not on a lower layer than ${a}/`);
  }
  return [...problems].sort();
}

function importCycles(root: string): string[] {
  const graph = new Map<string, string[]>();
  for (const { from, to } of importEdges(root)) graph.set(from, [...(graph.get(from) ?? []), to]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

const srcRoot = path.resolve(__dirname, '..', '..', 'src');

describe('layers: src/ folders import only downwards, and nothing in a circle', () => {
  it('every import in src/ goes to a lower layer', () => {
    expect(layerViolations(srcRoot, srcLayers)).toEqual([]);
  });

  it('src/ has no import cycle', () => {
    expect(importCycles(srcRoot)).toEqual([]);
  });

  describe('the checks themselves, on real files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pk-layers-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    write('low/a.ts', "import type { B } from './b';\nexport type A = B;\n");
    write('low/b.ts', "import { a } from './a';\nimport type { Up } from '../high/up';\nexport type B = Up;\nexport const b = a;\n");
    write('high/up.ts', "export type Up = string;\nexport { a } from '../low/a';\n");
    write('side/x.ts', "export const x = import('../high/up');\n");
    write('stray/y.ts', 'export const y = 1;\n');

    it('finds an upward import, a same-layer import and a folder with no layer', () => {
      expect(layerViolations(dir, [['low', 'side'], ['high']])).toEqual([
        `low${path.sep}b.ts imports high${path.sep}up.ts: high/ is not on a lower layer than low/`,
        `side${path.sep}x.ts imports high${path.sep}up.ts: high/ is not on a lower layer than side/`,
        'stray/ has no layer: add it to srcLayers',
      ]);
      expect(layerViolations(dir, [['low'], ['high', 'side'], ['stray']])).toEqual([
        `low${path.sep}b.ts imports high${path.sep}up.ts: high/ is not on a lower layer than low/`,
        `side${path.sep}x.ts imports high${path.sep}up.ts: high/ is not on a lower layer than side/`,
      ]);
    });

    it('finds a cycle through type-only imports', () => {
      expect(importCycles(dir).length).toBeGreaterThan(0);
      expect(importCycles(dir).join('\n')).toContain(`low${path.sep}a.ts -> low${path.sep}b.ts -> low${path.sep}a.ts`);
    });
  });
});
