import type { ParseArgsConfig } from 'node:util';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandContext {
  /** Positional arguments after the command's own words. */
  positionals: string[];
  values: OptionValues;
  io: CliIo;
}

export interface Command {
  /** The words that select it, e.g. ['policy', 'check-url']. */
  words: string[];
  summary: string;
  /** One usage line without the program name, e.g. 'policy check [FILE]'. */
  usage: string;
  /** Extra help text shown by --help, after the options. */
  details?: string;
  options: OptionSpec;
  /** Help text per option name. */
  optionHelp: Record<string, string>;
  /**
   * The command changes the kiosk's state (a wipe, an audit record, an account): afterwards the CLI
   * rewrites the Prometheus metrics file when the policy names one. Commands that may finish an
   * interrupted wipe first (status, audit verify) count too.
   */
  changesState?: boolean;
  run(context: CommandContext): Promise<number>;
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
