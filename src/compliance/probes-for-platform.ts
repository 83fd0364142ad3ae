import { linuxProbes } from './linux-probes';
import { ProbeError, type ComplianceProbes } from './probes';
import { tcpConnect } from './tcp-connect';
import { windowsProbes } from './windows-probes';

/** The real probes of the machine this runs on; other platforms answer `error` for every OS check. */
export function probesForPlatform(platform: NodeJS.Platform = process.platform, windows: { windowsDir?: string } = {}): ComplianceProbes {
  if (platform === 'linux') return linuxProbes();
  if (platform === 'win32') return windowsProbes(windows);
  const unsupported = () => Promise.reject(new ProbeError('platform-not-supported'));
  return {
    platform: platform === 'darwin' ? 'darwin' : 'other',
    processNames: unsupported,
    installedNames: unsupported,
    serviceNames: unsupported,
    existingFolders: unsupported,
    remoteDesktop: unsupported,
    antivirus: unsupported,
    updates: unsupported,
    os: unsupported,
    browsers: unsupported,
    account: unsupported,
    printers: unsupported,
    connect: tcpConnect,
  };
}
