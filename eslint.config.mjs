// Layering is enforced here, not hoped for (VS Code style):
//   src/      pure core: plain Node, never a runtime import of electron, never main/ or renderer/
//   main/     Electron glue: may import src/; raw ipcMain only in main/ipc/
//   renderer/ browser page: no Node, no electron, only type imports from src/
//   test/     may import anything except a runtime electron
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noRuntimeElectron = {
  name: 'electron',
  message: 'The pure core and tests run in plain Node: import type only (require("electron") downloads the binary).',
  allowTypeImports: true,
};

const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed IPC module (main/ipc/) instead of raw ipcMain/ipcRenderer.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/artifacts/**', 'coverage/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [noRuntimeElectron],
        patterns: [{ group: ['**/main/**', '**/renderer/**', '../main/*', '../renderer/*'], message: 'src/ is the pure core: it never imports main/ or renderer/.' }],
      }],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs'],
    ignores: ['test/e2e-electron/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [noRuntimeElectron] }] },
  },
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The kiosk UI is a sandboxed page: it talks to main only through window.kiosk (preload).' }],
        patterns: [
          { group: ['node:*'], message: 'The kiosk UI has no Node.' },
          { group: ['**/main/**', '../main/*'], message: 'renderer/ never imports main/.' },
          { group: ['**/src/**', '../src/*'], message: 'renderer/ may import only types from src/.', allowTypeImports: true },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/ipc/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [rawIpc],
        patterns: [{ group: ['**/renderer/**', '../renderer/*'], message: 'main/ never imports renderer/ code.' }],
      }],
    },
  },
);
