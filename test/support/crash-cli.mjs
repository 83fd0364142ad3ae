// Test entry only, never shipped: the built CLI (dist/) with a crash-point port that SIGKILLs this
// process at one named point. The product's own entries (bin/public-kiosk.js, main/) install no port,
// and no environment variable or flag reaches one (test/src/crash/no-trigger.test.ts).
//
//   node test/support/crash-cli.mjs TRACE KILL public-kiosk-args...
// TRACE: a file that gets every point reached, one `<step> <subject>#<n>` line each, written before
//        any kill ('-' for none). KILL: the label to die at, e.g. 'audit:line-written audit.log#1'
//        (the n-th time that point is reached), or '-' to run to the end.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { useCrashPointPort } = require('../../dist/src/crash/crash-points.js');
const { runCli } = require('../../dist/src/cli/index.js');

const [trace, kill, ...args] = process.argv.slice(2);
if (trace === undefined || kill === undefined) {
  process.stderr.write('usage: crash-cli.mjs TRACE|- KILL|- ARGS...\n');
  process.exit(2);
}
const seen = new Map();
useCrashPointPort({
  reached(step, subject) {
    const point = `${step} ${subject}`;
    const count = (seen.get(point) ?? 0) + 1;
    seen.set(point, count);
    const label = `${point}#${count}`;
    if (trace !== '-') appendFileSync(trace, `${label}\n`);
    if (label === kill) process.kill(process.pid, 'SIGKILL');
  },
});
runCli(args, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }).then((code) => {
  process.exitCode = code;
});
