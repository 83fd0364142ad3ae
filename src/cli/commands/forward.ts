import { setTimeout as delay } from 'node:timers/promises';
import { backoffDelay } from '../../forwarding/backoff';
import { createForwarding } from '../../forwarding/forwarding';
import type { ForwardOutcome } from '../../forwarding/forward-once';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { packageVersion } from '../version';
import { wipeContextForCli } from '../wipe-context';
import { jsonOption, jsonOptionHelp, policyOption, policyOptionHelp, rootOptionHelp, rootOptions } from '../shared-options';

/** Without --once, a collector that fails is tried again this many times, with backoff and jitter. */
const RETRIES = 3;

export const forwardCommand: Command = {
  words: ['forward'],
  summary: 'Send every audit record not yet acknowledged to each reporting.syslog collector, then exit.',
  usage: 'forward [--once] [--json]',
  options: { once: { type: 'boolean' }, ...jsonOption, ...policyOption, ...rootOptions },
  optionHelp: {
    once: `One attempt per collector (default: up to ${RETRIES} more attempts, with backoff, for one that fails).`,
    ...jsonOptionHelp,
    ...policyOptionHelp,
    ...rootOptionHelp,
  },
  details: [
    'The audit log is the outbox: each collector has a cursor (the last record it acknowledged) in the',
    'state root, and everything after it is sent in order. The kiosk does this by itself after every',
    'record; run this from the OS scheduler as a second line, or after an outage.',
    'Exit 0: every collector took its whole backlog (or none is configured). Exit 1: at least one could',
    'not (unreachable, refused, bad certificate); its backlog stays and is sent next time.',
  ].join('\n'),
  async run({ positionals, values, io }) {
    if (positionals.length > 0) throw new UsageError('forward takes no arguments (see --help)');
    const context = wipeContextForCli(values, io);
    const forwarding = createForwarding({
      stateRoot: context.deps.roots.state,
      destinations: context.policy.reporting.syslog,
      software: `public-kiosk,${packageVersion()},https://github.com/public-kiosk`,
    });
    let outcomes = await forwarding.forwardAll();
    for (let attempt = 1; values.once !== true && attempt <= RETRIES && outcomes.some((o) => o.error); attempt += 1) {
      await delay(backoffDelay(attempt, Math.random, { baseMs: 2_000, maxMs: 30_000, minMs: 500 }));
      const again = await Promise.all(forwarding.destinations.map((d, i) => (outcomes[i]?.error ? forwarding.forwardOne(d).then((o) => merge(outcomes[i]!, o)) : outcomes[i]!)));
      outcomes = again;
    }
    const failed = outcomes.some((outcome) => outcome.error !== null);
    if (values.json === true) io.stdout.write(`${JSON.stringify({ ok: !failed, destinations: outcomes }, null, 2)}\n`);
    else io.stdout.write(`${describe(outcomes)}\n`);
    return failed ? ExitCode.failed : ExitCode.ok;
  },
};

function merge(before: ForwardOutcome, after: ForwardOutcome): ForwardOutcome {
  return { ...after, sent: before.sent + after.sent };
}

function describe(outcomes: readonly ForwardOutcome[]): string {
  if (outcomes.length === 0) return 'No syslog collector in the policy (reporting.syslog): nothing to forward.';
  return outcomes
    .map((o) => {
      const head = o.error ? `${o.destination}: FAILED after ${o.sent} record(s); ${o.backlog} still waiting: ${o.error}` : `${o.destination}: ok, ${o.sent} record(s) sent, nothing waiting`;
      return [head, ...o.notes.map((note) => `  note: ${note}`)].join('\n');
    })
    .join('\n');
}
