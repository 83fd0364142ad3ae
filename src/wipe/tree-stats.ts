import { lstatSync } from 'node:fs';
import { walkTree } from './walk';

export interface TreeStats {
  /** Non-folder entries: files, links, sockets. */
  files: number;
  bytes: number;
}

/** Counts what lies below `dir` (not `dir` itself); a folder that cannot be read counts as empty. */
export async function measureTree(dir: string): Promise<TreeStats> {
  const stats: TreeStats = { files: 0, bytes: 0 };
  await walkTree(dir, {
    entry(file, dirent) {
      stats.files += 1;
      if (!dirent.isFile()) return;
      try {
        stats.bytes += lstatSync(file).size;
      } catch {
        // gone between listing and stat: nothing to count
      }
    },
    unreadable() {},
  });
  return stats;
}
