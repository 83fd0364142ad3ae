import { openAuditLog } from '../../audit/audit-log';
import { PolicyPathError, resolvePolicyPaths } from '../../policy/resolve-paths';
import { createOsCredentialStore } from '../../secrets/os-credential-store';
import { AccountFileError } from '../../staff/account-store';
import { OtpUnavailableError, StaffInputError } from '../../staff/errors';
import { StaffAdmin } from '../../staff/staff-admin';
import { stringOption, type CliIo, type Command, type OptionSpec, type OptionValues } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { policyForCli } from '../policy-for-cli';
import { policyOption, policyOptionHelp, rootOptionHelp } from '../shared-options';

/** Options every `staff …` command takes. */
export const staffOptions: OptionSpec = { ...policyOption, state: { type: 'string' } };
export const staffOptionHelp: Record<string, string> = {
  ...policyOptionHelp,
  state: `${rootOptionHelp.state} Staff accounts live in <state>/staff/accounts.json.`,
};

export const staffDetails = [
  'Accounts (id, name, role, scrypt verifier, times) live in the state root; OTP secrets only in the',
  'OS credential store. New secrets are read twice without echo, or as two lines on stdin from a script.',
  'Exit 0 done; 2 bad input or a refused secret (nothing stored, the rule is named); 1 failed.',
].join('\n');

/** The policy's staff rules and the state root (from --state, else the policy), wired to the real store and audit log. */
export function openStaffAdmin(values: OptionValues, io: CliIo): StaffAdmin {
  const { policy } = policyForCli(values, io);
  const explicit = stringOption(values, 'state');
  if (explicit === '') throw new UsageError('--state needs a folder');
  let stateRoot: string;
  try {
    stateRoot = explicit ?? resolvePolicyPaths(policy, process.platform, io.env).state;
  } catch (error) {
    if (error instanceof PolicyPathError) throw new UsageError(`policy ${error.message}`);
    throw error;
  }
  const credentials = createOsCredentialStore();
  return new StaffAdmin({ stateRoot, policy: policy.staff, credentials, audit: openAuditLog(stateRoot, credentials, { sign: true }) });
}

/** Exactly one positional: the staff id. */
export function staffIdArgument(positionals: string[], usage: string): string {
  if (positionals.length !== 1 || positionals[0] === undefined) throw new UsageError(`expected one staff ID: public-kiosk ${usage}`);
  return positionals[0];
}

/** Maps what the staff core refuses onto the CLI's exit codes with one clear line. */
export async function staffErrors(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof StaffInputError) throw new UsageError(error.message);
    if (error instanceof OtpUnavailableError || error instanceof AccountFileError) throw new UsageError(error.message, ExitCode.failed);
    throw error;
  }
}

/** A `staff VERB ID` command with only the shared options. */
export function staffIdCommand(verb: string, summary: string, act: (admin: StaffAdmin, id: string, io: CliIo) => Promise<number>): Command {
  const usage = `staff ${verb} ID [--state DIR] [--policy FILE]`;
  return {
    words: ['staff', verb],
    changesState: true,
    summary,
    usage,
    options: staffOptions,
    optionHelp: staffOptionHelp,
    details: staffDetails,
    run: ({ positionals, values, io }) => staffErrors(() => act(openStaffAdmin(values, io), staffIdArgument(positionals, usage), io)),
  };
}
