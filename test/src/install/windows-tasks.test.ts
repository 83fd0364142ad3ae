import { parseXml, type XElement } from 'builder-util-runtime';
import { describe, expect, it } from 'vitest';
import { InstallError } from '../../../src/install/install-target';
import { triggerClock } from '../../../src/install/task-time';
import { START_TASK, WIPE_TASK, windowsQuote, windowsTasks } from '../../../src/install/windows-tasks';
import { scheduleCases } from './schedule-cases';

const exe = 'C:\\Program Files\\public-kiosk\\public-kiosk.exe';
const target = { program: [exe, '--kiosk-cli'], kioskUser: 'kiosk' };
const options = { machineTimeZone: 'Asia/Ho_Chi_Minh', autostart: true, year: 2026 };

// electron-builder's own strict (sax) XML parser: any well-formedness error throws.
const parse = (xml: string): XElement => parseXml(xml);
function all(element: XElement, name: string): XElement[] {
  return (element.elements ?? []).flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)]);
}
const texts = (doc: XElement, name: string): string[] => all(doc, name).map((e) => e.value ?? '');

function calendar(xml: string): { start: string; days: string[] }[] {
  return all(parse(xml), 'CalendarTrigger').map((trigger) => ({
    start: trigger.element('StartBoundary').value,
    days: (all(trigger, 'DaysOfWeek')[0]?.elements ?? []).map((day) => day.name),
  }));
}

const offsets: Record<string, string> = { Asia_Ho_Chi_Minh: '+07:00', Asia_Kolkata: '+05:30' };

describe('the shift-wipe task, from each policy schedule', () => {
  const dayNames: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
  it.each(scheduleCases)('$name', ({ schedule }) => {
    const machineTimeZone = schedule.timeZone;
    const [wipe] = windowsTasks(schedule, target, { ...options, machineTimeZone });
    const suffix = offsets[schedule.timeZone.replace('/', '_')] ?? '';
    const times = [...new Set(schedule.shiftEnds)].sort();
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].filter((d) => schedule.days.includes(d as never)).map((d) => dayNames[d]);
    expect(calendar(wipe!.xml)).toEqual(times.map((t) => ({ start: `2024-01-01T${t}:00${suffix}`, days })));
  });

  it('the strict parser used here rejects malformed XML', () => {
    expect(() => parse('<Task><Exec>a & b</Exec></Task>')).toThrow();
  });

  it('runs wipe --if-due as the kiosk account in its session, also at its sign-in', () => {
    const [wipe] = windowsTasks(scheduleCases[0]!.schedule, target, options);
    const doc = parse(wipe!.xml);
    expect(wipe!.name).toBe(WIPE_TASK);
    expect(texts(doc, 'Command')).toEqual([`"${exe}"`]);
    expect(texts(doc, 'Arguments')).toEqual(['--kiosk-cli wipe --if-due']);
    expect(texts(doc, 'UserId')).toEqual(['kiosk', 'kiosk']);
    expect(texts(doc, 'LogonType')).toEqual(['InteractiveToken']);
    expect(texts(doc, 'StartWhenAvailable')).toEqual(['true']);
    expect(texts(doc, 'MultipleInstancesPolicy')).toEqual(['IgnoreNew']);
    expect(all(doc, 'LogonTrigger')).toHaveLength(1);
  });

  it('escapes and quotes a policy path and a domain account', () => {
    const [wipe] = windowsTasks(scheduleCases[0]!.schedule, { ...target, kioskUser: 'PC-01\\kiosk', policyFile: 'C:\\Kiosk <test> & co\\policy.yaml' }, options);
    expect(wipe!.xml).toContain('&lt;test&gt; &amp; co');
    const doc = parse(wipe!.xml);
    expect(texts(doc, 'Arguments')).toEqual(['--kiosk-cli wipe --if-due --policy "C:\\Kiosk <test> & co\\policy.yaml"']);
    expect(texts(doc, 'UserId')).toEqual(['PC-01\\kiosk', 'PC-01\\kiosk']);
  });

  it('adds the sign-in start task unless autostart is off', () => {
    const both = windowsTasks(scheduleCases[0]!.schedule, target, options);
    expect(both.map((t) => t.name)).toEqual([WIPE_TASK, START_TASK]);
    const start = parse(both[1]!.xml);
    expect(texts(start, 'Arguments')).toEqual(['--kiosk-cli']);
    expect(all(start, 'CalendarTrigger')).toHaveLength(0);
    expect(texts(start, 'ExecutionTimeLimit')).toEqual(['PT0S']);
    expect(windowsTasks(scheduleCases[0]!.schedule, target, { ...options, autostart: false }).map((t) => t.name)).toEqual([WIPE_TASK]);
  });

  it('refuses a daylight-saving zone the machine does not run in', () => {
    expect(() => windowsTasks(scheduleCases[5]!.schedule, target, { ...options, machineTimeZone: 'Asia/Ho_Chi_Minh' })).toThrow(/set the machine's time zone to Europe\/Berlin/);
    expect(() => windowsTasks(scheduleCases[0]!.schedule, { ...target, kioskUser: 'a<b' }, options)).toThrow(InstallError);
  });
});

describe('trigger clock and quoting', () => {
  it.each([
    ['Asia/Ho_Chi_Minh', 'Europe/Berlin', { kind: 'fixed-offset', offset: '+07:00' }],
    ['America/Bogota', 'UTC', { kind: 'fixed-offset', offset: '-05:00' }],
    ['Asia/Kathmandu', 'UTC', { kind: 'fixed-offset', offset: '+05:45' }],
    ['Europe/Berlin', 'Europe/Berlin', { kind: 'machine-local' }],
    ['America/New_York', 'America/New_York', { kind: 'machine-local' }],
  ])('%s on a machine in %s', (policyZone, machineZone, expected) => {
    expect(triggerClock(policyZone, machineZone, 2026)).toEqual(expected);
  });

  it.each([
    ['plain', 'plain'],
    ['with space', '"with space"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['C:\\my dir\\', '"C:\\my dir\\\\"'],
    ['C:\\no-space\\', 'C:\\no-space\\'],
  ])('windowsQuote(%j) = %j', (input, quoted) => {
    expect(windowsQuote(input)).toBe(quoted);
  });
});
