import { decideUrl } from '../../policy/url-rules';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { policyForCli } from '../policy-for-cli';
import { jsonOption, jsonOptionHelp, policyOption, policyOptionHelp } from '../shared-options';

export const policyCheckUrlCommand: Command = {
  words: ['policy', 'check-url'],
  summary: 'Say for each URL whether the kiosk would open it, and which rule decided.',
  usage: 'policy check-url [--policy FILE] [--json] URL...',
  options: { ...policyOption, ...jsonOption },
  optionHelp: { ...policyOptionHelp, ...jsonOptionHelp },
  details: [
    'Each URL is decided exactly as the kiosk decides a navigation: WHATWG URL parsing; only https (and',
    'http where a rule allows it); no user@host; IP addresses and non-default ports only when a rule names',
    'them; deny rules and blocked categories beat allow rules; hosts match exactly or as *.suffix on a',
    'label boundary, after lower-casing, trailing-dot removal and punycode. about:blank is always allowed.',
    '',
    'Output: one line per URL, "allow" or "deny", the URL and the rule. With --json: an array of',
    '{ url, allowed, code, rule }. Exit 0 once every URL is decided (whatever the decisions);',
    'exit 2 for an invalid policy or no URL. Quote URLs in the shell (& and ? are special).',
    '',
    'Cho biết kiosk có mở từng địa chỉ hay không và quy tắc nào quyết định.',
  ].join('\n'),
  run({ positionals, values, io }) {
    if (positionals.length === 0) throw new UsageError('policy check-url needs at least one URL (see --help)');
    const { policy } = policyForCli(values, io);
    const decisions = positionals.map((url) => ({ url, ...decideUrl(policy, url) }));
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(decisions, null, 2)}\n`);
    } else {
      const width = Math.min(60, Math.max(...decisions.map((d) => d.url.length)));
      for (const d of decisions) io.stdout.write(`${d.allowed ? 'allow' : 'deny '}  ${d.url.padEnd(width)}  ${d.rule}\n`);
    }
    return Promise.resolve(ExitCode.ok);
  },
};
