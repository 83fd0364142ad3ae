import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeRoots, type TempRoots } from '../wipe/helpers';

export { plant } from '../wipe/helpers';

export interface CliRoots extends TempRoots {
  policyFile: string;
  /** --policy FILE: a machine-policy layer naming these roots, no credential services. */
  args: string[];
}

/** Real roots in a temporary folder plus a policy layer naming them, as an IT officer would write it. */
export function makeCliRoots(extraPaths = 1, credentialServices: string[] = [], sessionPaths = 0): CliRoots {
  const roots = makeRoots(extraPaths, sessionPaths);
  const policyFile = path.join(roots.base, 'policy.yaml');
  const yaml = [
    'paths:',
    `  sessionData: ${JSON.stringify(roots.sessionData)}`,
    `  downloads: ${JSON.stringify(roots.downloads)}`,
    `  state: ${JSON.stringify(roots.state)}`,
    'wipe:',
    `  extraPaths: ${JSON.stringify(roots.extraPaths)}`,
    `  sessionPaths: ${JSON.stringify(roots.sessionPaths)}`,
    `  credentialServices: ${JSON.stringify(credentialServices)}`,
    '',
  ].join('\n');
  writeFileSync(policyFile, yaml);
  return { ...roots, policyFile, args: ['--policy', policyFile] };
}

/** The audit log's records (type and body), read as plain JSON lines. */
export function auditRecords(stateRoot: string): Record<string, unknown>[] {
  let text: string;
  try {
    text = readFileSync(path.join(stateRoot, 'audit.log'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { rec: Record<string, unknown> }).rec);
}
