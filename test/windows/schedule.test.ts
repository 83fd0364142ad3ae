import { parseXml, type XElement } from 'builder-util-runtime';
import { existsSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry } from '../support/cli';
import { createPrefix, toWindowsPath, windowsNodeExe, type WinePrefix } from './support/wine';
import { installKiosk } from './support/kiosk-tree';

// install-schedule on Windows' Node: the Task Scheduler XML it would register, from the machine
// policy, parsed by a strict XML parser; then a real registration through Wine's schtasks.
const NODE = 'C:\\Program Files\\nodejs\\node.exe';
const POLICY = 'C:\\Kiosk cấu hình\\policy.yaml';
let win: WinePrefix;
beforeAll(() => {
  win = createPrefix();
  installKiosk(win, 'schedule:\n  shiftEnds: ["17:00", "07:15", "11:30"]\n  days: [sat, mon, tue, wed, thu, fri]\n');
  // Node where Windows installs it: a path with a space, which the task's command must quote.
  mkdirSync(path.dirname(win.host(NODE)), { recursive: true });
  linkSync(windowsNodeExe, win.host(NODE));
  mkdirSync(path.dirname(win.host(POLICY)), { recursive: true });
  writeFileSync(win.host(POLICY), 'session:\n  idleTimeoutSeconds: 240\n');
});
afterAll(() => win?.dispose());

const cli = (args: string[]) => win.run([toWindowsPath(cliEntry), ...args], { program: NODE });

function all(element: XElement, name: string): XElement[] {
  return (element.elements ?? []).flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)]);
}

describe('install-schedule on Windows', () => {
  it('--dry-run: the task XML parses and carries the policy\'s shift ends and days, and the quoted command', async () => {
    const r = await cli(['install-schedule', '--dry-run', '--policy', POLICY]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const xmls = [...r.stdout.matchAll(/--- task (.+)\n(<\?xml[\s\S]*?<\/Task>)/g)].map((m) => ({ name: m[1], doc: parseXml(m[2]!) }));
    expect(xmls.map((x) => x.name)).toEqual(['\\public-kiosk\\Shift wipe', '\\public-kiosk\\Start kiosk']);
    const wipe = xmls[0]!.doc;
    const triggers = all(wipe, 'CalendarTrigger').map((t) => ({
      start: t.element('StartBoundary').value,
      days: (all(t, 'DaysOfWeek')[0]?.elements ?? []).map((d) => d.name),
    }));
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    // Wine's machine time zone is UTC, the policy's is Vietnam's: the boundary carries the policy's offset.
    expect(triggers).toEqual(['07:15', '11:30', '17:00'].map((t) => ({ start: `2024-01-01T${t}:00+07:00`, days })));
    expect(all(wipe, 'LogonTrigger')).toHaveLength(1);
    expect(all(wipe, 'Command').map((c) => c.value)).toEqual([`"${NODE}"`]);
    expect(all(wipe, 'Arguments').map((c) => c.value)).toEqual([`${toWindowsPath(cliEntry)} wipe --if-due --policy "${POLICY}"`]);
    expect(r.stdout).toMatch(/schtasks \/Create \/TN "\\public-kiosk\\Shift wipe" \/XML/);
  });

  it('registers through Wine\'s schtasks (the UTF-16 XML file is read) and --remove deletes the tasks', async () => {
    const r = await cli(['install-schedule']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('registered \\public-kiosk\\Shift wipe\nregistered \\public-kiosk\\Start kiosk\n');
    const stored = win.host('C:\\windows\\system32\\tasks\\public-kiosk\\Shift wipe');
    // Wine's Task Scheduler keeps the description and settings it read from our XML (it implements no
    // triggers or actions: those are verified only on real Windows).
    const text = readFileSync(stored, 'utf8');
    expect(text).toContain('shift wipe if due, at 07:15, 11:30, 17:00 Asia/Ho_Chi_Minh');
    expect(text).toContain('<MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>');
    const removed = await cli(['install-schedule', '--remove']);
    expect(removed.code).toBe(0);
    expect(existsSync(stored)).toBe(false);
  });
});
