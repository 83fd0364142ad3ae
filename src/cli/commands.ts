import type { Command } from './command';

/**
 * Every CLI command, in the order `--help` lists them. Each lives in its own file under commands/
 * beside the core module it drives.
 */
export const commands: Command[] = [];
