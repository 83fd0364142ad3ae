import type { z } from 'zod';
import { KIOSK_CREDENTIAL_SERVICE } from '../secrets/credential-store';
import type { PathSegment } from './issues';
import path from 'node:path';
import { expandPolicyPath, osKey, pathForPlatform } from './resolve-paths';
import { syslogIssues } from './reporting-checks';
import { policySchema, type Policy } from './schema';
import { checkableExtensions, isCheckableExtension } from './download-types';
import { printingIssues } from './printing';
import { categoryIssues } from './category-checks';
import { decideUrl } from './url-rules';
import { wipeFolderIssues, type PlacedPath } from './wipe-path-checks';

export interface SemanticIssue {
  path: PathSegment[];
  message: string;
}

export interface CheckContext {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
}

const shape = policySchema.shape;

/**
 * Rules that span fields, run on the merged policy. Each check parses just the parts it needs and
 * skips when they are malformed (that is already reported), so one broken section never hides the
 * mistakes in the others.
 */
export function semanticIssues(merged: Record<string, unknown>, context: CheckContext): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const part = <T extends z.ZodType>(schema: T, name: keyof Policy): z.infer<T> | undefined => {
    const result = schema.safeParse(merged[name]);
    return result.success ? result.data : undefined;
  };
  const sites = part(shape.sites, 'sites');
  if (sites) {
    if (sites.mode === 'allowlist' && sites.allow.length === 0) {
      issues.push({ path: ['sites', 'allow'], message: 'allowlist mode with no allowed sites: the kiosk could open nothing; list the service sites' });
    }
    issues.push(...categoryIssues(sites));
    const services = part(shape.services, 'services');
    const rulesUsable = [...sites.blockCategories, ...sites.allowCategories].every((name) => name in sites.categories);
    if (services && rulesUsable) {
      const policy = { sites } as Policy;
      services.forEach((service, index) => {
        const decision = decideUrl(policy, service.url);
        if (!decision.allowed) {
          issues.push({ path: ['services', index, 'url'], message: `the site rules deny this tile's URL (${decision.rule})` });
        }
      });
    }
  }
  const session = part(shape.session, 'session');
  if (session && session.idleWarningSeconds >= session.idleTimeoutSeconds) {
    issues.push({
      path: ['session', 'idleWarningSeconds'],
      message: `must be shorter than session.idleTimeoutSeconds (${session.idleTimeoutSeconds})`,
    });
  }
  const ui = part(shape.ui, 'ui');
  if (ui && !ui.languages.includes(ui.language)) {
    issues.push({ path: ['ui', 'language'], message: `"${ui.language}" is not in ui.languages (${ui.languages.join(', ')})` });
  }
  const downloads = part(shape.downloads, 'downloads');
  downloads?.allowedExtensions.forEach((extension, index) => {
    if (!isCheckableExtension(extension)) {
      issues.push({
        path: ['downloads', 'allowedExtensions', index],
        message: `the kiosk cannot check that a ".${extension}" file is what its name says; allowed types: ${checkableExtensions.join(', ')}`,
      });
    }
  });
  const wipe = part(shape.wipe, 'wipe');
  wipe?.credentialServices.forEach((service, index) => {
    if (service.toLowerCase() === KIOSK_CREDENTIAL_SERVICE) {
      issues.push({
        path: ['wipe', 'credentialServices', index],
        message: `"${service}" holds the kiosk's own keys (audit log, staff OTP); the shift wipe must never delete it`,
      });
    }
  });
  const printing = part(shape.printing, 'printing');
  if (printing) issues.push(...printingIssues(printing));
  issues.push(...pathIssues(part(shape.paths, 'paths'), wipe, context));
  issues.push(...textfileDirIssues(merged, context));
  const reporting = part(shape.reporting, 'reporting');
  if (reporting) issues.push(...syslogIssues(reporting.syslog));
  return issues;
}

function pathIssues(paths: Policy['paths'] | undefined, wipe: Policy['wipe'] | undefined, context: CheckContext): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const roots: { field: string; value: string }[] = [];
  const folders: PlacedPath[] = [];
  const check = (value: Policy['paths']['state'], at: PathSegment[], required: boolean) => {
    const text = pathForPlatform(value, context.platform);
    const where = typeof value === 'string' ? at : [...at, osKey(context.platform)];
    if (text === undefined) {
      if (required) issues.push({ path: at, message: `no path for ${osKey(context.platform)}, the operating system of this machine` });
      return;
    }
    const expanded = expandPolicyPath(text, context.platform, context.env);
    if (!expanded.ok) issues.push({ path: where, message: expanded.message });
    else if (at[0] === 'paths') roots.push({ field: String(at[1]), value: expanded.value });
    else folders.push({ field: `wipe.${String(at[1])}[${String(at[2])}]`, at: where, value: expanded.value });
  };
  if (paths) {
    for (const field of ['sessionData', 'downloads', 'state'] as const) check(paths[field], ['paths', field], true);
  }
  // The wipe empties session data and downloads but keeps state (the audit log): they must not overlap.
  roots.forEach((root, index) => {
    const other = roots.find((candidate, j) => j !== index && overlaps(candidate.value, root.value, context.platform));
    if (other && roots.indexOf(other) < index) {
      issues.push({ path: ['paths', root.field], message: `overlaps paths.${other.field} (${other.value}); the three data roots must be separate folders` });
    }
  });
  wipe?.extraPaths.forEach((entry, index) => check(entry, ['wipe', 'extraPaths', index], false));
  wipe?.sessionPaths.forEach((entry, index) => check(entry, ['wipe', 'sessionPaths', index], false));
  const placedRoots = roots.map((root) => ({ field: `paths.${root.field}`, at: ['paths', root.field], value: root.value }));
  issues.push(...wipeFolderIssues(placedRoots, folders, context.platform, context.env));
  return issues;
}

/**
 * The metrics folder must be absolute, and outside every folder a wipe empties: a metrics file the
 * shift wipe deletes would look like a dead kiosk, and the wipe must never find files it did not expect.
 */
function textfileDirIssues(merged: Record<string, unknown>, context: CheckContext): SemanticIssue[] {
  const reporting = shape.reporting.safeParse(merged.reporting);
  const value = reporting.success ? reporting.data.prometheus.textfileDir : undefined;
  if (value === undefined) return [];
  const at: PathSegment[] = ['reporting', 'prometheus', 'textfileDir'];
  const text = pathForPlatform(value, context.platform);
  if (text === undefined) return [];
  const where = typeof value === 'string' ? at : [...at, osKey(context.platform)];
  const expanded = expandPolicyPath(text, context.platform, context.env);
  if (!expanded.ok) return [{ path: where, message: expanded.message }];
  const paths = shape.paths.safeParse(merged.paths);
  const wipe = shape.wipe.safeParse(merged.wipe);
  const wiped = [
    ...(paths.success ? (['sessionData', 'downloads'] as const).map((field) => ({ name: `paths.${field}`, value: paths.data[field] })) : []),
    ...(wipe.success ? wipe.data.extraPaths.map((entry, index) => ({ name: `wipe.extraPaths[${index}]`, value: entry })) : []),
  ];
  for (const root of wiped) {
    const rootText = pathForPlatform(root.value, context.platform);
    const rootPath = rootText === undefined ? undefined : expandPolicyPath(rootText, context.platform, context.env);
    if (rootPath?.ok && overlaps(expanded.value, rootPath.value, context.platform)) {
      return [{ path: where, message: `overlaps ${root.name} (${rootPath.value}), which the wipe empties; use the exporter's own textfile folder` }];
    }
  }
  return [];
}

function overlaps(a: string, b: string, platform: NodeJS.Platform): boolean {
  const flavour = platform === 'win32' ? path.win32 : path.posix;
  const fold = (p: string) => (platform === 'win32' ? p.toLowerCase() : p);
  const inside = (child: string, parent: string) => {
    const relative = flavour.relative(fold(parent), fold(child));
    return relative === '' || (!relative.startsWith('..') && !flavour.isAbsolute(relative));
  };
  return inside(a, b) || inside(b, a);
}
