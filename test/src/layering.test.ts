import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * src/ is the pure core and runs in plain Node, where requiring electron tries to download the
 * binary. ESLint forbids runtime imports of electron there; this test checks the same rule from the
 * compiled view (every import form TypeScript keeps at run time), so neither can drift alone.
 */

const electronModules = /^electron(\/(main|renderer|common|utility))?$/;

interface LayeringViolation {
  file: string;
  line: number;
  text: string;
}

/** Every runtime import of electron in one source text; `import type` and all-type specifiers are allowed. */
function runtimeElectronImports(file: string, text: string): LayeringViolation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: LayeringViolation[] = [];
  const report = (node: ts.Node) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push({ file, line, text: node.getText(source).split('\n')[0] ?? '' });
  };
  const isElectron = (node: ts.Node | undefined) => node !== undefined && ts.isStringLiteralLike(node) && electronModules.test(node.text);
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && isElectron(node.moduleSpecifier) && !isTypeOnlyImport(node)) report(node);
    else if (ts.isExportDeclaration(node) && isElectron(node.moduleSpecifier) && !node.isTypeOnly) report(node);
    else if (ts.isImportEqualsDeclaration(node) && !node.isTypeOnly && ts.isExternalModuleReference(node.moduleReference) && isElectron(node.moduleReference.expression)) report(node);
    else if (ts.isCallExpression(node) && isElectron(node.arguments[0])) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequireResolve = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require';
      if (isRequire || isDynamicImport || isRequireResolve) report(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // import 'electron' runs it
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function scanTree(root: string): LayeringViolation[] {
  const violations: LayeringViolation[] = [];
  for (const name of readdirSync(root)) {
    const file = path.join(root, name);
    if (statSync(file).isDirectory()) violations.push(...scanTree(file));
    else if (/\.(c|m)?[jt]s$/.test(name) && !name.endsWith('.d.ts')) violations.push(...runtimeElectronImports(file, readFileSync(file, 'utf8')));
  }
  return violations;
}

const srcRoot = path.resolve(__dirname, '..', '..', 'src');

describe('layering: src/ never imports electron at run time', () => {
  it('finds no runtime electron import in src/', () => {
    const violations = scanTree(srcRoot).map((v) => `${path.relative(srcRoot, v.file)}:${v.line} ${v.text}`);
    expect(violations).toEqual([]);
  });

  describe('the scanner itself', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pk-layering-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('fails on every runtime form, in a real file on disk', () => {
      writeFileSync(path.join(dir, 'bad.ts'), [
        "import { app } from 'electron';",
        "import * as electron from 'electron';",
        "import 'electron/main';",
        "import electronDefault, { type BrowserWindow } from 'electron';",
        "export { shell } from 'electron';",
        // Spelled in two parts so that project-wide greps for a runtime electron require don't flag this fixture.
        "import ipc = require(" + "'electron');",
        "const viaRequire = require(" + "'electron');",
        "const viaDynamic = import('electron/renderer');",
        "const resolved = require.resolve('electron');",
        '',
      ].join('\n'));
      const violations = scanTree(dir);
      expect(violations.map((v) => v.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('allows type-only imports', () => {
      const text = [
        "import type { BrowserWindow } from 'electron';",
        "import { type WebContents, type Session } from 'electron';",
        "export type { App } from 'electron';",
        "type Shell = typeof import('electron').shell;",
        "const note = 'electron';",
        "import { something } from './electron';",
        '',
      ].join('\n');
      expect(runtimeElectronImports('clean.ts', text)).toEqual([]);
    });
  });
});
