import path from 'node:path';

/**
 * Why a Windows path cannot be a wipe root because it is not a local folder, or null. A wipe root
 * on a network share (\\server\share, \\?\UNC\server\share) would delete on another machine, through
 * whatever credentials the kiosk account has there; a device path (\\.\…, \\?\GLOBALROOT, \\?\Volume{…})
 * bypasses the drive-letter checks. \\?\C:\… is a local long-path spelling and is left to the other
 * checks, which see its real path.
 */
export function describeWindowsRemotePath(value: string): string | null {
  const p = value.replace(/\//g, '\\');
  if (/^\\\\[?.]\\UNC\\/i.test(p)) return 'is a network (UNC) path; wipe roots must be local folders';
  if (/^\\\\[?.]\\[a-z]:(\\|$)/i.test(p)) return null;
  if (/^\\\\[?.]\\/.test(p)) return 'is a device path; give a folder on a local drive (C:\\…)';
  if (/^\\\\[^\\]/.test(p) || path.win32.parse(p).root.startsWith('\\\\')) return 'is a network (UNC) path; wipe roots must be local folders';
  return null;
}
