import type { PrinterFacts } from './print-to-file';
import type { CompliancePlatform } from './types';

/**
 * The ports the checks read the machine through. Linux implements them with /proc, dpkg-query,
 * apt-get -s and policy files (linux-probes.ts); Windows with one PowerShell script (windows-probes.ts);
 * tests pass small fakes. Every method returns names and facts only — never a command line, a user
 * name, a window title or a path under a user profile — and throws ProbeError when it cannot find out.
 */
export interface ComplianceProbes {
  readonly platform: CompliancePlatform;
  /** Names of running processes (executable base names), for catalogue matching only. */
  processNames(): Promise<string[]>;
  /** Installed software: dpkg package names, or Uninstall-key DisplayNames and Appx package names. */
  installedNames(): Promise<string[]>;
  /** Installed service names (Windows); empty where services are not catalogued (Linux). */
  serviceNames(): Promise<string[]>;
  /** Which of these catalogue folders exist (globs allowed at the last component). */
  existingFolders(candidates: readonly string[]): Promise<string[]>;
  /** Windows Remote Desktop and Remote Assistance; null where the OS has neither. */
  remoteDesktop(): Promise<RemoteDesktopFacts | null>;
  antivirus(): Promise<AntivirusFacts>;
  updates(): Promise<UpdateFacts>;
  os(): Promise<OsFacts>;
  browsers(): Promise<BrowserFacts[]>;
  account(): Promise<AccountFacts>;
  /** The OS's printers with their port (Windows) or device URI (CUPS); empty where no print system is installed. */
  printers(): Promise<PrinterFacts[]>;
  /** Opens a TCP connection and closes it at once: nothing is sent. */
  connect(host: string, port: number, timeoutMs: number): Promise<ConnectResult>;
}

export interface RemoteDesktopFacts {
  rdpEnabled: boolean | null;
  remoteAssistanceEnabled: boolean | null;
}

export interface AntivirusProduct {
  name: string;
  /** agent: an approved agent from the policy seen running (Linux). */
  source: 'security-center' | 'defender' | 'clamav' | 'agent';
  enabled: boolean | null;
  upToDate: boolean | null;
  signatureAgeDays: number | null;
}

export interface AntivirusFacts {
  products: AntivirusProduct[];
}

export type UpdateFacts =
  | { kind: 'windows-update'; lastSecurityUpdate: string | null; updateServiceDisabled: boolean }
  | { kind: 'apt'; pendingSecurityUpdates: number; packageListsAgeDays: number | null };

export interface OsFacts {
  /** Table key of the policy's osSupport.supportEnds, e.g. windows-10-22h2, debian-12. */
  key: string;
  product: string;
  version: string;
}

export type BrowserId = 'chrome' | 'edge' | 'chromium' | 'firefox';

export interface BrowserFacts {
  browser: BrowserId;
  installed: boolean;
  /** Managed (mandatory) policy values of the password and autofill settings; null when unset. */
  settings: Record<string, boolean | null>;
}

export interface AccountFacts {
  administrator: boolean;
}

export type ConnectResult = 'connected' | 'refused' | 'timeout' | 'unreachable';

/** A probe could not find out; `code` is a short kebab-case reason that may be shown and logged. */
export class ProbeError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'ProbeError';
  }
}

/** Each probe runs once per doctor run, however many checks read it. */
export function memoizeProbes(probes: ComplianceProbes): ComplianceProbes {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, run: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) cache.set(key, run());
    return cache.get(key) as Promise<T>;
  };
  return {
    platform: probes.platform,
    processNames: () => once('processes', () => probes.processNames()),
    installedNames: () => once('installed', () => probes.installedNames()),
    serviceNames: () => once('services', () => probes.serviceNames()),
    existingFolders: (candidates) => probes.existingFolders(candidates),
    remoteDesktop: () => once('rdp', () => probes.remoteDesktop()),
    antivirus: () => once('antivirus', () => probes.antivirus()),
    updates: () => once('updates', () => probes.updates()),
    os: () => once('os', () => probes.os()),
    browsers: () => once('browsers', () => probes.browsers()),
    account: () => once('account', () => probes.account()),
    printers: () => once('printers', () => probes.printers()),
    connect: (host, port, timeoutMs) => probes.connect(host, port, timeoutMs),
  };
}
