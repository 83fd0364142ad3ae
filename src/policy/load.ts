import { existsSync } from 'node:fs';
import path from 'node:path';
import { builtInDefaults } from './defaults';
import { formatPath, isPrefixPath, sortIssues, type PathSegment, type PolicyIssue } from './issues';
import { policyLayerSchema } from './layer-schema';
import { printingWarnings, upgradePrintingLayer } from './printing';
import { deprecatedKeyNotes } from './deprecated-keys';
import { mergeLayers } from './merge';
import { schemaIssues } from './schema-issues';
import { policySchema, type Policy } from './schema';
import { semanticIssues } from './semantic-checks';
import { readPolicyBytes, readPolicyFile, type PolicySource } from './yaml-source';

export { formatPolicyIssue, type PolicyIssue } from './issues';

export interface LoadPolicyOptions {
  /** `--policy FILE`; wins over PUBLIC_KIOSK_POLICY. */
  explicitFile?: string;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  /** The machine's policy file; `null` for none, `undefined` for the OS default location. */
  machineFile?: string | null;
  /** The machine file's content, already read (null: no file): judged instead of reading the file again. */
  machineContent?: Buffer | null;
  /** The policy shipped with the app; defaults to policies/default.yaml. */
  bundledFile?: string;
}

/** `notes`: a valid policy's deprecations and warnings, located like errors (policy check prints them). */
export type PolicyLoadResult = { ok: true; policy: Policy; sources: string[]; notes: PolicyIssue[] } | { ok: false; errors: PolicyIssue[] };

export const builtInSourceName = '<built-in defaults>';

/**
 * Loads the effective policy: built-in defaults < bundled default.yaml < machine file < explicit
 * file (flag, else PUBLIC_KIOSK_POLICY). Objects merge key by key; arrays replace whole. Every layer
 * is validated strictly on its own, then the merged result with the cross-field rules, and every
 * problem is reported. Any problem at all means ok:false: the caller must not serve citizens.
 */
export function loadPolicy(options: LoadPolicyOptions = {}): PolicyLoadResult {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const machineFile = options.machineFile === undefined ? defaultMachinePolicyFile(platform, env) : options.machineFile;
  const explicitFile = options.explicitFile ?? (env.PUBLIC_KIOSK_POLICY || undefined);
  const wanted: { file: string; required: boolean; content?: Buffer | null }[] = [
    { file: options.bundledFile ?? bundledPolicyFile(), required: true },
    ...(machineFile ? [{ file: machineFile, required: false, ...(options.machineContent !== undefined ? { content: options.machineContent } : {}) }] : []),
    ...(explicitFile ? [{ file: path.resolve(explicitFile), required: true }] : []),
  ];

  const errors: (PolicyIssue & { segments: PathSegment[] })[] = [];
  const sources: PolicySource[] = [];
  const layers: Record<string, unknown>[] = [];
  const notes: PolicyIssue[] = [];
  for (const { file, required, content } of wanted) {
    const read = content === undefined ? readPolicyFile(file) : readPolicyBytes(file, content);
    if (read.kind === 'missing') {
      if (required) errors.push({ file, line: 0, col: 0, path: '(file)', message: 'the file does not exist', segments: [] });
      continue;
    }
    sources.push(read.source);
    errors.push(...read.issues.map((issue) => ({ ...issue, segments: [] })));
    const data = read.source.data;
    layers.push(data ?? {});
    if (!data) continue;
    const layer = policyLayerSchema.safeParse(data);
    if (!layer.success) {
      for (const issue of schemaIssues(layer.error, data)) {
        const where = read.source.locate(issue.path, issue.at);
        errors.push({ file, ...where, path: formatPath(issue.path), message: issue.message, segments: issue.path });
      }
      continue;
    }
    // The old printing.enabled, read in its own layer so a higher file's `enabled: false` wins.
    const upgraded = upgradePrintingLayer(data);
    layers[layers.length - 1] = upgraded.data;
    const locate = (segments: PathSegment[]) => ({ file, ...read.source.locate(segments, 'key'), path: formatPath(segments) });
    for (const note of upgraded.notes) notes.push({ ...locate(note.path), message: note.message });
    for (const error of upgraded.errors) errors.push({ ...locate(error.path), message: error.message, segments: error.path });
    for (const note of deprecatedKeyNotes(data)) notes.push({ ...locate(note.path), message: note.message });
  }

  const merged = mergeLayers([builtInDefaults as Record<string, unknown>, ...layers]);
  const full = policySchema.safeParse(merged.value);
  const mergedIssues = [
    ...(full.success ? [] : schemaIssues(full.error, merged.value)),
    ...semanticIssues(merged.value, { platform, env }).map((issue) => ({ ...issue, at: 'value' as const })),
  ];
  const layerPaths = errors.filter((e) => e.segments.length > 0).map((e) => e.segments);
  for (const issue of mergedIssues) {
    // A layer error already explains this spot; the merged copy of the same mistake adds nothing.
    if (layerPaths.some((p) => isPrefixPath(p, issue.path) || isPrefixPath(issue.path, p))) continue;
    const owner = merged.ownerOf(issue.path);
    // Index 0 is the built-in layer, which has no file: point at the highest file instead.
    const source = owner !== undefined && owner > 0 ? sources[owner - 1] : sources[sources.length - 1];
    const where = source ? source.locate(issue.path, issue.at) : { line: 0, col: 0 };
    errors.push({ file: source?.file ?? builtInSourceName, ...where, path: formatPath(issue.path), message: issue.message, segments: issue.path });
  }
  if (errors.length > 0 || !full.success) {
    const plain = errors.map(({ segments: _segments, ...issue }) => issue);
    if (plain.length === 0) plain.push({ file: builtInSourceName, line: 0, col: 0, path: '(root)', message: 'the policy is invalid' });
    return { ok: false, errors: sortIssues(plain, sources.map((s) => s.file)) };
  }
  for (const warning of printingWarnings(full.data.printing)) {
    const owner = merged.ownerOf(warning.path);
    const source = owner !== undefined && owner > 0 ? sources[owner - 1] : undefined;
    const where = source ? source.locate(warning.path, 'value') : { line: 0, col: 0 };
    notes.push({ file: source?.file ?? builtInSourceName, ...where, path: formatPath(warning.path), message: warning.message });
  }
  return { ok: true, policy: deepFreeze(full.data), sources: [builtInSourceName, ...sources.map((s) => s.file)], notes };
}

/**
 * The machine's policy file: under the OS's ProgramData on Windows (the caller puts the OS's answer,
 * not the environment's, into `env`: src/policy/os-folders.ts), a fixed path on Linux. No variable
 * names another file: a relaunch that keeps the running policy says so with its own switch, and the
 * copy it runs on is found in the state root this file names (src/policy-pickup/last-applied.ts).
 */
export function defaultMachinePolicyFile(platform: NodeJS.Platform, env: Record<string, string | undefined>): string {
  if (platform === 'win32') {
    const programData = env.ProgramData || env.PROGRAMDATA || 'C:\\ProgramData';
    return path.win32.join(programData, 'public-kiosk', 'policy.yaml');
  }
  return '/etc/public-kiosk/policy.yaml';
}

/** policies/default.yaml beside the app: found from src/ (tests), dist/src/ (CLI) and app.asar alike. */
export function bundledPolicyFile(): string {
  let dir = __dirname;
  for (let up = 0; up < 5; up += 1) {
    const candidate = path.join(dir, 'policies', 'default.yaml');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return path.join(__dirname, '..', '..', '..', 'policies', 'default.yaml');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
