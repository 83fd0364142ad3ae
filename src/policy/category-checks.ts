import { allowCategoryPatternProblem } from './allow-category-guard';
import { parseHostPattern, type HostPattern } from './host-pattern';
import type { PathSegment } from './issues';
import { categoryHostPattern, type Policy } from './schema';

interface CategoryIssue {
  path: PathSegment[];
  message: string;
}

const chatCategory = 'chat-apps';

/**
 * Named categories must exist, and an allowed category must never reach a chat app or the local
 * network: each such entry is reported where it is written, so the IT officer fixes the line itself.
 */
export function categoryIssues(sites: Policy['sites']): CategoryIssue[] {
  const issues: CategoryIssue[] = [];
  const unknown = (list: 'blockCategories' | 'allowCategories') => {
    sites[list].forEach((name, index) => {
      if (name in sites.categories) return;
      const known = Object.keys(sites.categories);
      const hint = known.length > 0 ? ` (defined: ${known.join(', ')})` : ' (sites.categories is empty)';
      issues.push({ path: ['sites', list, index], message: `unknown category "${name}"${hint}` });
    });
  };
  unknown('blockCategories');
  unknown('allowCategories');
  const chatPatterns = patternsOf(sites, chatCategory);
  for (const name of new Set(sites.allowCategories)) {
    sites.categories[name]?.hosts.forEach((entry, index) => {
      const parsed = parseHostPattern(categoryHostPattern(entry));
      if (!parsed.ok) return; // already reported by the schema
      const problem = allowCategoryPatternProblem(parsed.pattern, name === chatCategory ? [] : chatPatterns);
      const at: PathSegment[] = ['sites', 'categories', name, 'hosts', index, ...(typeof entry === 'string' ? [] : ['host'])];
      if (problem) issues.push({ path: at, message: `${problem} (sites.allowCategories lists "${name}")` });
    });
  }
  return issues;
}

function patternsOf(sites: Policy['sites'], name: string): HostPattern[] {
  return (sites.categories[name]?.hosts ?? []).flatMap((entry) => {
    const parsed = parseHostPattern(categoryHostPattern(entry));
    return parsed.ok ? [parsed.pattern] : [];
  });
}
