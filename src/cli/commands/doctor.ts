import { checkIds } from '../../compliance/checks';
import { formatReportText } from '../../compliance/format-text';
import { probesForPlatform } from '../../compliance/probes-for-platform';
import type { ComplianceProbes } from '../../compliance/probes';
import { runDoctor } from '../../compliance/run-doctor';
import type { ComplianceCheckId } from '../../compliance/types';
import type { Command } from '../command';
import { stringOption } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { policyForCli } from '../policy-for-cli';
import { jsonOption, jsonOptionHelp, policyOption, policyOptionHelp } from '../shared-options';

/** Parses --only: every id must be known, or nothing runs. */
export function parseOnly(text: string | undefined): ComplianceCheckId[] | undefined {
  if (text === undefined) return undefined;
  const ids = text.split(',').map((id) => id.trim());
  ids.forEach((id, index) => {
    if (!(checkIds as readonly string[]).includes(id)) {
      throw new UsageError(`--only: unknown check id "${id}" (item ${index + 1}); known ids: ${checkIds.join(', ')}`);
    }
  });
  return ids as ComplianceCheckId[];
}

/** The command with its probes as a parameter: tests pass probes pointed at temporary roots. */
export function createDoctorCommand(probes: () => ComplianceProbes): Command {
  return {
    words: ['doctor'],
    summary: 'Check this computer against the directive: remote-access tools, antivirus, updates, OS support, browser passwords, chat apps, network zone, kiosk account, print-to-file printers.',
    usage: 'doctor [--json] [--only ID[,ID...]] [--policy FILE]',
    options: { ...jsonOption, ...policyOption, only: { type: 'string' } },
    optionHelp: { ...jsonOptionHelp, ...policyOptionHelp, only: `Run only these checks (comma-separated): ${checkIds.join(', ')}.` },
    details: [
      'Exit 0: no check failed or errored. Exit 1: at least one check is fail or error ("error" means',
      'the doctor could not find out, and is never counted as a pass). Exit 2: bad input (unknown id,',
      'invalid policy); nothing was checked. Thresholds and approved tools: compliance: in the policy;',
      'what each check means and how to fix it: docs/COMPLIANCE.md.',
      '',
      'Kiểm tra máy theo chỉ thị. Mã 0: không có mục nào không đạt hoặc lỗi. Mã 1: có mục không đạt',
      'hoặc lỗi. Mã 2: dữ liệu vào sai (mã kiểm tra không có, chính sách không hợp lệ).',
    ].join('\n'),
    async run({ positionals, values, io }) {
      if (positionals.length > 0) throw new UsageError('doctor takes no arguments (see --help)');
      const only = parseOnly(stringOption(values, 'only'));
      const { policy } = policyForCli(values, io);
      const report = await runDoctor({ probes: probes(), policy: policy.compliance, printingMode: policy.printing.mode, ...(only ? { only } : {}) });
      io.stdout.write(values.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatReportText(report));
      return report.checks.some((check) => check.status === 'fail' || check.status === 'error') ? ExitCode.failed : ExitCode.ok;
    },
  };
}

export const doctorCommand = createDoctorCommand(() => probesForPlatform());
