// Composition root of the Electron main process (built in issue 6). Kept importable so the build
// and the type-check of main/ against electron.d.ts run from the first commit.
export {};
