import type { Command } from './command';

export function formatOverview(list: readonly Pick<Command, 'usage' | 'summary'>[]): string {
  const width = Math.max(...list.map((c) => c.usage.length));
  const lines = list.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: public-kiosk <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run 'public-kiosk <command> --help' for a command's options; 'public-kiosk --version' for the version.",
    'Exit codes: 0 success, 1 operation failed (a failed wipe leaves the kiosk out of service), 2 bad input or policy.',
    '',
  ].join('\n');
}

export function formatCommandHelp(command: Command): string {
  const names = Object.keys(command.options);
  const flags = names.map((name) => {
    const spec = command.options[name];
    const flag = `--${name}${spec?.type === 'string' ? ' VALUE' : ''}`;
    return { flag, help: command.optionHelp[name] ?? '' };
  });
  const width = Math.max(0, ...flags.map((f) => f.flag.length));
  return [
    `Usage: public-kiosk ${command.usage}`,
    '',
    command.summary,
    ...(flags.length > 0 ? ['', 'Options:', ...flags.map((f) => `  ${f.flag.padEnd(width)}  ${f.help}`)] : []),
    ...(command.details ? ['', command.details] : []),
    '',
  ].join('\n');
}
