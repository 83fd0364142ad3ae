import type { Command } from './command';

/**
 * One row of the command table: what `--help` lists, and how to load the command. A command's module
 * (and the core it drives: the policy schema, the wipe, the keyring…) is loaded only when that command
 * runs, so `--version`, `--help` and each command start as fast as Node allows (`npm run bench:cli`).
 * A new command: its file under commands/ as before, plus one row here with the same words, usage
 * and summary (test/src/cli/command-table.test.ts checks that they agree).
 */
export interface CommandEntry {
  words: string[];
  usage: string;
  summary: string;
  load(): Promise<Command>;
}

/** Every CLI command, in the order `--help` lists them. */
export const commands: CommandEntry[] = [
  {
    words: ['policy', 'check'],
    usage: 'policy check [FILE]',
    summary: 'Validate the effective policy; print a summary, or every problem as FILE:LINE:COL path: message.',
    load: async () => (await import('./commands/policy-check.js')).policyCheckCommand,
  },
  {
    words: ['policy', 'check-url'],
    usage: 'policy check-url [--type main-frame|sub-frame|subresource|websocket] [--policy FILE] [--json] URL...',
    summary: 'Say for each URL whether the kiosk would open it, and which rule decided.',
    load: async () => (await import('./commands/policy-check-url.js')).policyCheckUrlCommand,
  },
  {
    words: ['install-schedule'],
    usage: 'install-schedule [--dry-run] [--policy FILE] [--kiosk-user NAME] [--remove]',
    summary: "Register 'wipe --if-due' with the OS scheduler at each shift end and at start-up (idempotent).",
    load: async () => (await import('./commands/install-schedule.js')).installScheduleCommand,
  },
  {
    words: ['install-folders'],
    usage: 'install-folders [--dry-run] [--kiosk-user NAME]',
    summary: 'Windows: create C:\\ProgramData\\public-kiosk and its data folders with their rights (the installers run it).',
    load: async () => (await import('./commands/install-folders.js')).installFoldersCommand,
  },
  {
    words: ['staff', 'add'],
    usage: 'staff add ID --name "NAME" --role staff|admin [--pin] [--state DIR] [--policy FILE]',
    summary: 'Add a staff account; its password (or PIN) is asked twice without echo.',
    load: async () => (await import('./commands/staff-add.js')).staffAddCommand,
  },
  {
    words: ['staff', 'list'],
    usage: 'staff list [--json] [--state DIR] [--policy FILE]',
    summary: "List staff accounts: role, secret kind and age, OTP, the kiosk's sign-in delay. Never a secret or verifier.",
    load: async () => (await import('./commands/staff-list.js')).staffListCommand,
  },
  {
    words: ['staff', 'remove'],
    usage: 'staff remove ID [--state DIR] [--policy FILE]',
    summary: 'Remove a staff account and its OTP secret.',
    load: async () => (await import('./commands/staff-remove.js')).staffRemoveCommand,
  },
  {
    words: ['staff', 'passwd'],
    usage: 'staff passwd ID [--pin] [--state DIR] [--policy FILE]',
    summary: 'Set a new password (or PIN) for an account. The old one is not needed.',
    load: async () => (await import('./commands/staff-passwd.js')).staffPasswdCommand,
  },
  {
    words: ['staff', 'totp-enrol'],
    usage: 'staff totp-enrol ID [--state DIR] [--policy FILE]',
    summary: 'Enrol an authenticator app (TOTP) for an account: shows a QR code, then asks for a code.',
    load: async () => (await import('./commands/staff-totp-enrol.js')).staffTotpEnrolCommand,
  },
  {
    words: ['staff', 'unlock'],
    usage: 'staff unlock ID [--state DIR] [--policy FILE]',
    summary: "End the kiosk's delay after failed sign-ins and reset the failure count.",
    load: async () => (await import('./commands/staff-unlock.js')).staffUnlockCommand,
  },
  {
    words: ['wipe'],
    usage: 'wipe [--if-due] [--reason R] [--scope shift|session [--session ID]] [--json]',
    summary: 'Wipe now (default: the full shift wipe), verify it, record it; a failure puts the kiosk out of service.',
    load: async () => (await import('./commands/wipe.js')).wipeCommand,
  },
  {
    words: ['status'],
    usage: 'status [--json]',
    summary: 'Show the last wipe and its result, whether the kiosk is out of service, and how wipes are recorded.',
    load: async () => (await import('./commands/status.js')).statusCommand,
  },
  {
    words: ['audit', 'verify'],
    usage: 'audit verify [--json] [--log FILE] [--public-key FILE]',
    summary: 'Check the audit log: every seal, the chain, the order, and the head (nothing edited, deleted, inserted, reordered or cut off).',
    load: async () => (await import('./commands/audit-verify.js')).auditVerifyCommand,
  },
  {
    words: ['audit', 'start-new-log'],
    usage: 'audit start-new-log',
    summary: "Set the audit log aside (renamed, kept) and start a new one linked to it, e.g. after damage or a rollback; needs an admin's password and OTP.",
    load: async () => (await import('./commands/audit-start-new-log.js')).auditStartNewLogCommand,
  },
  {
    words: ['audit', 'public-key'],
    usage: 'audit public-key [--json]',
    summary: "Print this kiosk's public signing key (PEM), its fingerprint and the kiosk name, for the department's keys.yaml.",
    load: async () => (await import('./commands/audit-public-key.js')).auditPublicKeyCommand,
  },
  {
    words: ['audit', 'rotate-key'],
    usage: 'audit rotate-key',
    summary: 'Replace the signing key: a key-rotated record signed by the old key names the new one.',
    load: async () => (await import('./commands/audit-rotate-key.js')).auditRotateKeyCommand,
  },
  {
    words: ['schedule'],
    usage: 'schedule [--from ISO] [--count N] [--json] [--policy FILE]',
    summary: "List the next shift ends (full wipes) in the policy's local time, to check a policy's schedule.",
    load: async () => (await import('./commands/schedule.js')).scheduleCommand,
  },
  {
    words: ['metrics'],
    usage: 'metrics [--textfile-dir DIR] [--policy FILE]',
    summary: 'Write the Prometheus metrics (textfile collector format) now: to stdout, or to public_kiosk.prom in a folder.',
    load: async () => (await import('./commands/metrics.js')).metricsCommand,
  },
  {
    words: ['forward'],
    usage: 'forward [--once] [--json]',
    summary: 'Send every audit record not yet acknowledged to each reporting.syslog collector, then exit.',
    load: async () => (await import('./commands/forward.js')).forwardCommand,
  },
  {
    words: ['report'],
    usage: 'report --from DATE --to DATE [--format html|json|csv] [--out FILE] [--logs DIR [--keys keys.yaml] [--jobs N]] [--lang vi|en]',
    summary: 'Evidence report: for each scheduled shift end of a period and each kiosk, was it wiped on time, late, or not (HTML, JSON or CSV).',
    load: async () => (await import('./commands/report.js')).reportCommand,
  },
  {
    words: ['doctor'],
    usage: 'doctor [--json] [--only ID[,ID...]] [--policy FILE]',
    summary: 'Check this computer against the directive: remote-access tools, antivirus, updates, OS support, browser passwords, chat apps, network zone, kiosk account, print-to-file printers.',
    load: async () => (await import('./commands/doctor.js')).doctorCommand,
  },
  {
    words: ['blocked'],
    usage: 'blocked [--from DATE] [--to DATE] [--logs DIR] [--rehearsals] [--json | --yaml] [--state DIR]',
    summary: 'Hosts the kiosk refused, ranked by the sessions that hit them (per kind and rule); --yaml turns the allowlist refusals into allow rules to review.',
    load: async () => (await import('./commands/blocked.js')).blockedCommand,
  },
];
