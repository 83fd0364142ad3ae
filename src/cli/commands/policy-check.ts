import { formatPolicyIssue, type PolicyIssue } from '../../policy/issues';
import { resolvePolicyPaths } from '../../policy/resolve-paths';
import { categoryHostPattern, type Policy } from '../../policy/schema';
import { nextShiftEnds } from '../../schedule/shift-ends';
import type { Command } from '../command';
import { stringOption } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { policyForCli } from '../policy-for-cli';
import { policyOption } from '../shared-options';

export const policyCheckCommand: Command = {
  words: ['policy', 'check'],
  summary: 'Validate the effective policy; print a summary, or every problem as FILE:LINE:COL path: message.',
  usage: 'policy check [FILE]',
  options: { ...policyOption },
  optionHelp: { policy: 'Same as FILE: the policy file to check on top of the bundled and machine policy.' },
  details: [
    'Checks the policy exactly as the kiosk would load it: built-in defaults < bundled default.yaml <',
    'the machine policy (/etc/public-kiosk/policy.yaml, %ProgramData%\\public-kiosk\\policy.yaml) <',
    'FILE (or --policy, or PUBLIC_KIOSK_POLICY). Mappings merge key by key; lists replace whole.',
    '',
    'Exit 0: valid; a one-screen summary (allowed sites, blocked categories, next shift ends) follows.',
    'Exit 2: invalid; every problem is listed, none is skipped. The kiosk refuses to serve citizens on',
    'an invalid policy, so fix them all before restarting it.',
    '',
    'Kiểm tra chính sách như kiosk sẽ nạp. Mã 0: hợp lệ (in tóm tắt). Mã 2: liệt kê mọi lỗi dạng',
    'TỆP:DÒNG:CỘT đường.dẫn: thông báo.',
  ].join('\n'),
  run({ positionals, values, io }) {
    if (positionals.length > 1) throw new UsageError('policy check takes at most one FILE (see --help)');
    const flag = stringOption(values, 'policy');
    if (positionals[0] !== undefined && flag !== undefined) throw new UsageError('give the policy file either as FILE or with --policy, not both');
    const file = positionals[0] ?? flag;
    const { policy, sources, notes } = policyForCli(file !== undefined ? { policy: file } : {}, io);
    io.stdout.write(summarise(policy, sources, io.env));
    // Still valid (exit 0), but the IT officer should read these: deprecations and risky choices.
    io.stdout.write(formatNotes(notes));
    return Promise.resolve(ExitCode.ok);
  },
};

function summarise(policy: Policy, sources: string[], env: Record<string, string | undefined>): string {
  const { sites, schedule, session, downloads } = policy;
  const lines = [
    'Policy is valid. / Chính sách hợp lệ.',
    `Sources (lowest first): ${sources.join(' < ')}`,
    '',
    `Sites: ${sites.mode} mode, schemes ${sites.schemes.join(', ')}`,
    wrap(`  Allowed (${sites.allow.length}): `, sites.allow.map((rule) => rule.host + portsNote(rule.ports))),
    wrap(`  Denied (${sites.deny.length}): `, sites.deny.map((rule) => rule.host)),
    ...sites.blockCategories.map((name) => {
      const hosts = (sites.categories[name]?.hosts ?? []).map(categoryHostPattern);
      return wrap(`  Blocked category ${name} (${hosts.length} hosts): `, hosts);
    }),
    ...sites.allowCategories.map((name) => {
      const hosts = (sites.categories[name]?.hosts ?? []).map(categoryHostPattern);
      return wrap(`  Allowed category ${name} (${hosts.length} hosts; never chat apps or the local network): `, hosts);
    }),
    `Welcome tiles: ${policy.services.map((service) => service.name.en).join('; ')}`,
    '',
    `Next shift ends (${schedule.timeZone}): ${nextShiftEnds(schedule, new Date(), 4).map((at) => localTime(at, schedule.timeZone)).join(', ')}`,
    `Session: idle timeout ${session.idleTimeoutSeconds} s with a ${session.idleWarningSeconds} s warning`,
    `Downloads: ${downloads.enabled ? `${downloads.allowedExtensions.join(', ') || 'no types'} up to ${downloads.maxSizeMB} MB` : 'off'}`,
    `Printing: ${printingSummary(policy.printing)}`,
    ...dataPaths(policy, env),
    `Syslog collectors: ${policy.reporting.syslog.map((d) => `${d.transport}://${d.host}:${d.port}`).join(', ') || '(none)'}`,
    '',
  ];
  return lines.join('\n');
}

function printingSummary(printing: Policy['printing']): string {
  if (printing.mode === 'off') return 'off (window.print() and Ctrl+P show a notice)';
  if (printing.mode === 'dialog') return 'the OS print dialog';
  return `silent, no dialog, on ${printing.printer === '' ? 'the OS default printer' : `"${printing.printer}"`}`;
}

function formatNotes(notes: readonly PolicyIssue[]): string {
  if (notes.length === 0) return '';
  return ['Notes / Lưu ý:', ...notes.map((note) => `  ${formatPolicyIssue(note)}`), ''].join('\n');
}

function dataPaths(policy: Policy, env: Record<string, string | undefined>): string[] {
  const paths = resolvePolicyPaths(policy, process.platform, env);
  return [
    `Data on this machine (${process.platform}):`,
    `  session data ${paths.sessionData}`,
    `  downloads    ${paths.downloads}`,
    `  state        ${paths.state}`,
    `  shift wipe also empties: ${paths.extraPaths.join('; ') || '(no extra folders)'}`,
    `  every session and shift wipe empties: ${paths.sessionPaths.join('; ') || '(no session folders)'}`,
  ];
}

function portsNote(ports: readonly number[] | undefined): string {
  return ports && ports.length > 0 ? ` (ports ${ports.join(', ')})` : '';
}

function localTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Comma-separated items wrapped under the label, so a long allowlist stays readable at 100 columns. */
function wrap(label: string, items: readonly string[]): string {
  if (items.length === 0) return `${label}(none)`;
  const indent = ' '.repeat(4);
  const lines: string[] = [label];
  for (const item of items) {
    const last = lines.length - 1;
    const current = lines[last] ?? '';
    const piece = current === label || current === indent ? item : `, ${item}`;
    if (current.length + piece.length > 100 && current !== label) {
      lines[last] = `${current},`;
      lines.push(indent + item);
    }
    else lines[last] = current + piece;
  }
  return lines.join('\n');
}
