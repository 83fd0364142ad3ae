import type { ChatApp } from './chat-apps';
import { anyMatches, displayNameMatches } from './matching';
import type { RemoteDesktopFacts } from './probes';
import type { RemoteAccessTool } from './remote-access-tools';
import type { CheckOutcome } from './types';

export interface SoftwareFacts {
  platform: 'win32' | 'linux';
  processes: readonly string[];
  installed: readonly string[];
  services: readonly string[];
  /** Catalogue folders that exist. */
  folders: readonly string[];
}

function isInstalled(facts: SoftwareFacts, tool: RemoteAccessTool): boolean {
  if (facts.platform === 'linux') return anyMatches(tool.linux.packages, facts.installed);
  return displayNameMatches(tool.windows.uninstall, facts.installed) || anyMatches(tool.windows.services, facts.services);
}

function isRunning(facts: SoftwareFacts, tool: RemoteAccessTool): boolean {
  return anyMatches(facts.platform === 'linux' ? tool.linux.processes : tool.windows.processes, facts.processes);
}

function hasFolders(facts: SoftwareFacts, tool: RemoteAccessTool): boolean {
  const wanted = facts.platform === 'linux' ? tool.linux.folders : tool.windows.folders;
  return wanted.some((folder) => facts.folders.includes(folder));
}

/** Exact id or name, case-insensitive: an approval names one tool, never a family of them. */
export function isApproved(tool: { id: string; name: string }, allow: readonly string[]): boolean {
  const wanted = (text: string) => text.trim().toLowerCase();
  return allow.some((entry) => wanted(entry) === tool.id || wanted(entry) === wanted(tool.name));
}

/**
 * Running (critical fail) beats installed (fail) beats left-over folders (warn); Windows Remote
 * Desktop or Remote Assistance switched on is a warn. Tools the policy approves are reported, never failed.
 */
export function evaluateRemoteAccess(facts: SoftwareFacts, remote: RemoteDesktopFacts | null, tools: readonly RemoteAccessTool[], allow: readonly string[]): CheckOutcome {
  const approved = tools.filter((tool) => isApproved(tool, allow));
  const others = tools.filter((tool) => !isApproved(tool, allow));
  const running = others.filter((tool) => isRunning(facts, tool)).map((tool) => tool.name);
  const installed = others.filter((tool) => isInstalled(facts, tool)).map((tool) => tool.name);
  const leftovers = others.filter((tool) => !installed.includes(tool.name) && hasFolders(facts, tool)).map((tool) => tool.name);
  const approvedPresent = approved.filter((tool) => isRunning(facts, tool) || isInstalled(facts, tool)).map((tool) => tool.name);
  const evidence = {
    toolsChecked: tools.length,
    running,
    installed,
    leftoverFolders: leftovers,
    approvedPresent,
    rdpEnabled: remote?.rdpEnabled ?? null,
    remoteAssistanceEnabled: remote?.remoteAssistanceEnabled ?? null,
  };
  if (running.length > 0) return { status: 'fail', severity: 'critical', evidence };
  if (installed.length > 0) return { status: 'fail', severity: 'high', evidence };
  if (leftovers.length > 0 || remote?.rdpEnabled === true || remote?.remoteAssistanceEnabled === true) {
    return { status: 'warn', severity: 'medium', evidence };
  }
  return { status: 'pass', evidence };
}

/** Running chat apps fail; installed ones warn (a citizen or staff member could open them). */
export function evaluateChatApps(facts: SoftwareFacts, apps: readonly ChatApp[]): CheckOutcome {
  const running = apps.filter((app) => anyMatches(facts.platform === 'linux' ? app.linux.processes : app.windows.processes, facts.processes)).map((app) => app.name);
  const installed = apps
    .filter((app) => !running.includes(app.name))
    .filter((app) =>
      facts.platform === 'linux'
        ? anyMatches(app.linux.packages, facts.installed)
        : displayNameMatches(app.windows.uninstall, facts.installed) || anyMatches(app.windows.appx, facts.installed),
    )
    .map((app) => app.name);
  const evidence = { appsChecked: apps.length, running, installed };
  if (running.length > 0) return { status: 'fail', severity: 'high', evidence };
  if (installed.length > 0) return { status: 'warn', severity: 'medium', evidence };
  return { status: 'pass', evidence };
}
