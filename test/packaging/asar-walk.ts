import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';

/** What a packaged app may require that is not in app.asar: Node's built-ins and Electron itself. */
export function providedByRuntime(specifier: string): boolean {
  return specifier === 'electron' || specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '');
}

/** String-literal requires in CommonJS output (tsc writes `require("x")`). */
export function requiresIn(source: string): string[] {
  return [...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? '');
}

/** Static and dynamic ES module imports (the kiosk UI is ES modules). */
export function importsIn(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((m) => m[1] ?? '');
}

export interface WalkResult {
  /** Files reached (relative to the extracted app). */
  files: string[];
  /** `file: specifier → why` for everything that did not resolve inside the app. */
  unresolved: string[];
  /** Packages required from the app's own files. */
  packages: string[];
}

/**
 * Follows every require from `entry` through the app's own files, resolving each with Node's own
 * algorithm on the extracted archive: relative requires must reach a file in it, package requires
 * must resolve to its node_modules. Package internals are not followed (their optional, guarded
 * requires of other platforms' binaries would not resolve by design); their entry must.
 */
export function walkRequires(appDir: string, entry: string): WalkResult {
  const seen = new Set<string>();
  const unresolved: string[] = [];
  const packages = new Set<string>();
  const queue = [path.resolve(appDir, entry)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const require = createRequire(file);
    for (const specifier of requiresIn(readFileSync(file, 'utf8'))) {
      if (providedByRuntime(specifier)) continue;
      let resolved: string;
      try {
        resolved = require.resolve(specifier);
      } catch (error) {
        unresolved.push(`${path.relative(appDir, file)}: ${specifier} → ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
      if (path.relative(appDir, resolved).startsWith('..')) {
        unresolved.push(`${path.relative(appDir, file)}: ${specifier} → outside the archive (${resolved})`);
      } else if (specifier.startsWith('.')) {
        queue.push(resolved);
      } else {
        packages.add(specifier);
      }
    }
  }
  return { files: [...seen].map((f) => path.relative(appDir, f)).sort(), unresolved, packages: [...packages].sort() };
}

/**
 * Follows the kiosk UI's ES module imports from its entry scripts (archive paths such as
 * /dist/ui/renderer/app.js). A bare specifier cannot load in the page at all, so it counts as missing.
 */
export function walkImports(appDir: string, entryFiles: string[], entries: readonly string[]): { files: string[]; missing: string[] } {
  const seen = new Set<string>();
  const missing: string[] = [];
  const queue = [...entryFiles];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!entries.includes(file)) {
      missing.push(`${file}: not in the archive`);
      continue;
    }
    for (const specifier of importsIn(readFileSync(path.join(appDir, file), 'utf8'))) {
      if (specifier.startsWith('.')) queue.push(path.posix.join(path.posix.dirname(file), specifier));
      else missing.push(`${file}: ${specifier} (a bare specifier does not load in the page)`);
    }
  }
  return { files: [...seen].sort(), missing };
}
