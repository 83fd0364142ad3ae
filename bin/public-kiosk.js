#!/usr/bin/env node
'use strict';
// The CLI is built to dist/ by `npm run build`; the packaged app runs the same code through Electron.
// Node's compile cache first, so every module after it loads from the cache (src/cli/compile-cache.ts).
require('../dist/src/cli/compile-cache.js').enableCompileCache();
const { runCli } = require('../dist/src/cli/index.js');
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env })
  .then((code) => { process.exitCode = code; });
