import { stat } from 'node:fs/promises';
import path from 'node:path';
import { renderMetrics } from '../../metrics/render';
import { writeMetricsTextfile } from '../../metrics/textfile';
import type { Command } from '../command';
import { stringOption } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { cliMetricsSources } from '../metrics-context';
import { policyOption, policyOptionHelp, rootOptionHelp, rootOptions } from '../shared-options';
import { wipeContextForCli } from '../wipe-context';

export const metricsCommand: Command = {
  words: ['metrics'],
  summary: 'Write the Prometheus metrics (textfile collector format) now: to stdout, or to public_kiosk.prom in a folder.',
  usage: 'metrics [--textfile-dir DIR] [--policy FILE]',
  options: { 'textfile-dir': { type: 'string' }, ...policyOption, ...rootOptions },
  optionHelp: {
    'textfile-dir': "node_exporter/windows_exporter textfile folder: public_kiosk.prom is replaced there atomically. Without it, stdout (the policy's reporting.prometheus.textfileDir is not used).",
    ...policyOptionHelp,
    ...rootOptionHelp,
  },
  details: 'Exit 0 when written (whatever the metrics say), 1 when the file could not be written, 2 on bad input.',
  async run({ positionals, values, io }) {
    if (positionals.length > 0) throw new UsageError('metrics takes no arguments (see --help)');
    const given = stringOption(values, 'textfile-dir');
    if (given !== undefined && given.trim() === '') throw new UsageError('--textfile-dir needs a folder');
    const context = wipeContextForCli(values, io);
    const dir = given === undefined ? null : path.resolve(given);
    if (dir !== null && !(await stat(dir).catch(() => null))?.isDirectory()) throw new UsageError(`--textfile-dir ${dir} is not a folder`);
    const text = await renderMetrics(cliMetricsSources(context));
    if (dir === null) {
      io.stdout.write(text);
      return ExitCode.ok;
    }
    try {
      const file = await writeMetricsTextfile(dir, text);
      io.stderr.write(`public-kiosk: wrote ${file}\n`);
      return ExitCode.ok;
    } catch (error) {
      io.stderr.write(`public-kiosk: could not write the metrics file in ${dir}: ${error instanceof Error ? error.message : String(error)}\n`);
      return ExitCode.failed;
    }
  },
};
