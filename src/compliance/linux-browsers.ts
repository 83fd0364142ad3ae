import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { requiredBrowserSettings } from './evaluate-system';
import { anyMatches } from './matching';
import { existsGlob, readText, underRoot } from './linux-files';
import type { BrowserFacts, BrowserId } from './probes';

interface BrowserLocation {
  browser: BrowserId;
  packages: string[];
  binaries: string[];
  /** Chromium-style folders of managed policy JSON files (every *.json is read). */
  managedDirs: string[];
  /** Firefox policies.json files (enterprise policies under "policies"). */
  policyFiles: string[];
}

const locations: BrowserLocation[] = [
  { browser: 'chrome', packages: ['google-chrome-*'], binaries: ['/opt/google/chrome/chrome'], managedDirs: ['/etc/opt/chrome/policies/managed'], policyFiles: [] },
  { browser: 'edge', packages: ['microsoft-edge-*'], binaries: ['/opt/microsoft/msedge/msedge'], managedDirs: ['/etc/opt/edge/policies/managed'], policyFiles: [] },
  { browser: 'chromium', packages: ['chromium', 'chromium-browser'], binaries: ['/usr/lib/chromium/chromium'], managedDirs: ['/etc/chromium/policies/managed', '/etc/chromium-browser/policies/managed'], policyFiles: [] },
  {
    browser: 'firefox',
    packages: ['firefox', 'firefox-esr'],
    binaries: ['/usr/lib/firefox/firefox', '/usr/lib/firefox-esr/firefox-esr'],
    managedDirs: [],
    policyFiles: ['/etc/firefox/policies/policies.json', '/usr/lib/firefox/distribution/policies.json', '/usr/lib/firefox-esr/distribution/policies.json'],
  },
];

/** Policy objects from every readable JSON file; a file the browser could not parse sets nothing. */
async function managedObjects(root: string, location: BrowserLocation): Promise<Record<string, unknown>[]> {
  const files: string[] = [...location.policyFiles.map((file) => underRoot(root, file))];
  for (const dir of location.managedDirs) {
    const names = await readdir(underRoot(root, dir)).catch(() => [] as string[]);
    files.push(...names.filter((name) => name.endsWith('.json')).sort().map((name) => path.join(underRoot(root, dir), name)));
  }
  const objects: Record<string, unknown>[] = [];
  for (const file of files) {
    const text = await readText(file);
    if (text === null) continue;
    try {
      const parsed = JSON.parse(text) as unknown;
      const body = location.browser === 'firefox' ? (parsed as { policies?: unknown } | null)?.policies : parsed;
      if (body && typeof body === 'object' && !Array.isArray(body)) objects.push(body as Record<string, unknown>);
    } catch {
      // Chromium and Firefox ignore a file they cannot parse, so it sets nothing here either.
    }
  }
  return objects;
}

/**
 * A setting counts as off only when some managed file sets it to false and none sets it otherwise
 * (Chromium leaves conflicting values between files undefined). Recommended policies do not count.
 */
export async function linuxBrowserFacts(root: string, installedPackages: readonly string[]): Promise<BrowserFacts[]> {
  return Promise.all(
    locations.map(async (location): Promise<BrowserFacts> => {
      const binaries = await Promise.all(location.binaries.map((binary) => existsGlob(underRoot(root, binary))));
      const installed = anyMatches(location.packages, installedPackages) || binaries.some(Boolean);
      const objects = await managedObjects(root, location);
      const settings: Record<string, boolean | null> = {};
      for (const key of requiredBrowserSettings[location.browser]) {
        const values = objects.filter((object) => key in object).map((object) => object[key]);
        settings[key] = values.length === 0 ? null : values.every((value) => value === false) ? false : true;
      }
      return { browser: location.browser, installed, settings };
    }),
  );
}
