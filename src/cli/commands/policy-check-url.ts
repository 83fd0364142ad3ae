import { decideRequest, requestTypes, type RequestType } from '../../shell/requests';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { policyForCli } from '../policy-for-cli';
import { jsonOption, jsonOptionHelp, policyOption, policyOptionHelp } from '../shared-options';

export const policyCheckUrlCommand: Command = {
  words: ['policy', 'check-url'],
  summary: 'Say for each URL whether the kiosk would open it, and which rule decided.',
  usage: `policy check-url [--type ${requestTypes.join('|')}] [--policy FILE] [--json] URL...`,
  options: { type: { type: 'string' }, ...policyOption, ...jsonOption },
  optionHelp: {
    type: `What the page asks for (default main-frame): main-frame (the page itself), sub-frame (a frame, or an <object>/<embed> document), subresource (script, image, style, font, fetch/XHR, beacon, media), websocket.`,
    ...policyOptionHelp,
    ...jsonOptionHelp,
  },
  details: [
    'Each URL is decided by the same function the kiosk runs on every request: WHATWG URL parsing; only',
    'https (and http where a rule allows it); no user@host; IP addresses and non-default ports only when',
    'a rule names them; deny rules and blocked categories beat allow rules; hosts match exactly or as',
    '*.suffix on a label boundary, after lower-casing, trailing-dot removal and punycode. about:blank is',
    'always allowed. Frames follow the same rules as pages. Subresources and websockets may come from hosts',
    'no rule lists (portals load from CDNs), but never from a denied host, a blocked category, an IP',
    'address, or the local network (localhost, single-label names, .local, .lan, .home.arpa, .internal …)',
    'unless a rule names that host.',
    '',
    'Output: one line per URL, "allow" or "deny", the URL and the rule. With --json: an array of',
    '{ url, type, allowed, code, rule }. Exit 0 once every URL is decided (whatever the decisions);',
    'exit 2 for an invalid policy, an unknown --type or no URL. Quote URLs in the shell (& and ? are special).',
    '',
    'Cho biết kiosk có mở (hoặc tải, với --type) từng địa chỉ hay không và quy tắc nào quyết định.',
  ].join('\n'),
  run({ positionals, values, io }) {
    const type = requestType(values.type);
    if (positionals.length === 0) throw new UsageError('policy check-url needs at least one URL (see --help)');
    const { policy } = policyForCli(values, io);
    const decisions = positionals.map((url) => {
      const verdict = decideRequest(policy, { url, type });
      return { url, type, allowed: verdict.allow, code: verdict.code, rule: verdict.rule };
    });
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(decisions, null, 2)}\n`);
    } else {
      const width = Math.min(60, Math.max(...decisions.map((d) => d.url.length)));
      for (const d of decisions) io.stdout.write(`${d.allowed ? 'allow' : 'deny '}  ${d.url.padEnd(width)}  ${d.rule}\n`);
    }
    return Promise.resolve(ExitCode.ok);
  },
};

function requestType(value: unknown): RequestType {
  if (value === undefined) return 'main-frame';
  const known = requestTypes.find((t) => t === value);
  if (known === undefined) throw new UsageError(`--type must be one of ${requestTypes.join(', ')} (got ${JSON.stringify(value)})`);
  return known;
}
