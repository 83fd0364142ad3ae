/**
 * Name matching for catalogues: case-insensitive, a Windows ".exe" ignored, a trailing "*" matching
 * any rest. Linux truncates /proc/PID/comm to 15 characters, so a pattern longer than that also
 * matches its first 15 characters.
 */
export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\.exe$/, '');
}

export function nameMatches(pattern: string, name: string): boolean {
  const p = normaliseName(pattern);
  const n = normaliseName(name);
  if (p.endsWith('*')) return n.startsWith(p.slice(0, -1));
  return n === p || (n.length === 15 && p.length > 15 && p.startsWith(n));
}

export function anyMatches(patterns: readonly string[], names: readonly string[]): boolean {
  return patterns.some((pattern) => names.some((name) => nameMatches(pattern, name)));
}

/** DisplayNames of installed programs: the pattern is a prefix ("TeamViewer" matches "TeamViewer 15"). */
export function displayNameMatches(patterns: readonly string[], names: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const p = normaliseName(pattern).replace(/\*$/, '');
    return names.some((name) => normaliseName(name).startsWith(p));
  });
}
