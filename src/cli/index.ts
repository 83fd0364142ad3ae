import { parseArgs } from 'node:util';
import type { CliIo } from './command';
import { commands, type CommandEntry } from './commands';
import { ExitCode, UsageError } from './exit-codes';
import { formatCommandHelp, formatOverview } from './help';
import { packageVersion } from './version';

// Nothing heavy is imported here: each command's module is loaded when it runs (commands.ts).

/**
 * Entry point of the `public-kiosk` command. Never throws and never prints a stack trace for bad
 * input: every UsageError becomes one line on stderr and exit 2.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch([...argv], io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`public-kiosk: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`public-kiosk: unexpected error: ${message}\n`);
    return ExitCode.failed;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(formatOverview(commands));
    return argv.length === 0 ? ExitCode.badInput : ExitCode.ok;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.stdout.write(`public-kiosk ${packageVersion()}\n`);
    return ExitCode.ok;
  }
  const entry = findCommand(argv);
  if (!entry) {
    const group = commands.filter((c) => c.words[0] === argv[0]);
    if (group.length > 0 && (argv.length === 1 || argv[1]?.startsWith('-'))) {
      io.stdout.write(formatOverview(group));
      return argv.includes('--help') || argv.includes('-h') ? ExitCode.ok : ExitCode.badInput;
    }
    throw new UsageError(`unknown command '${argv.slice(0, 2).join(' ')}'. Run 'public-kiosk --help' for the list.`);
  }
  const command = await entry.load();
  const rest = argv.slice(command.words.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(formatCommandHelp(command));
    return ExitCode.ok;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${command.words.join(' ')}: ${message.split('\n')[0]} (see --help)`);
  }
  const code = await command.run({ positionals: parsed.positionals, values: parsed.values, io });
  // Exit 2 changed nothing; 0 and 1 may have (a failed wipe puts the kiosk out of service).
  if (command.changesState && code !== ExitCode.badInput) await (await import('./metrics-context.js')).refreshMetricsAfterChange(parsed.values, io);
  return code;
}

function findCommand(argv: string[]): CommandEntry | undefined {
  const matches = commands.filter((c) => c.words.every((word, i) => argv[i] === word));
  return matches.sort((a, b) => b.words.length - a.words.length)[0];
}

if (require.main === module) {
  void runCli(process.argv.slice(2), process).then((code) => {
    process.exitCode = code;
  });
}
