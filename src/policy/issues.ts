/** One thing wrong with a policy, located in the file the IT officer has to edit. */
export interface PolicyIssue {
  file: string;
  /** 1-based; 0 when the problem is the file as a whole (missing, unreadable). */
  line: number;
  col: number;
  /** `schedule.shiftEnds[1]`; `(file)` for the whole file, `(yaml)` for syntax, `(root)` for the top level. */
  path: string;
  message: string;
}

export type PathSegment = string | number;

/** `FILE:LINE:COL path.to.field: message` — the format editors and terminals turn into links. */
export function formatPolicyIssue(issue: PolicyIssue): string {
  return `${issue.file}:${issue.line}:${issue.col} ${issue.path}: ${issue.message}`;
}

/** `['sites', 'allow', 2, 'host']` → `sites.allow[2].host`. */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}

export function isPrefixPath(prefix: readonly PathSegment[], path: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => segment === path[index]);
}

/** Issues in file order, then line, then column: the order an IT officer fixes them in. */
export function sortIssues(issues: PolicyIssue[], fileOrder: readonly string[]): PolicyIssue[] {
  const rank = (file: string) => {
    const index = fileOrder.indexOf(file);
    return index === -1 ? fileOrder.length : index;
  };
  return [...issues].sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line || a.col - b.col);
}
