import { describe, expect, it } from 'vitest';
import { clerk, inSession, welcome } from '../support/renderer-fixtures';
import { useKioskPages } from '../support/renderer-page';

describe("main's staff panel commands (the staff shortcut caught in the site view, the staff idle sign-out)", () => {
  const openPage = useKioskPages();

  it('opens the panel on a new open command, closes it (signing out) on a close command, and acts on each seq once', async () => {
    const k = await openPage(welcome('vi'), { screen: 'welcome' });
    await k.push(welcome('vi', { staffPanelCommand: { seq: 1, action: 'open' } }));
    await k.screen('staff');
    await expect.poll(async () => (await k.calls('setStaffPanelOpen')).map((c) => c.args)).toEqual([[true]]);
    // The same command again (any later status push carries it) changes nothing.
    await k.push(welcome('vi', { staff: clerk, staffPanelCommand: { seq: 1, action: 'open' } }));
    await k.push(welcome('vi', { staffPanelCommand: { seq: 2, action: 'close' } }));
    await k.screen('welcome');
    await expect.poll(async () => (await k.calls('setStaffPanelOpen')).map((c) => c.args)).toEqual([[true], [false]]);
    expect(await k.problems()).toEqual([]);
  });

  it('shows the printing and refusal notices in both languages', async () => {
    const k = await openPage(inSession('vi'), { screen: 'session' });
    await k.push(inSession('vi', { notice: { kind: 'print-off' } }));
    await k.page.getByText('Máy này không in được. Vui lòng hỏi cán bộ').waitFor();
    await k.push(inSession('en', { notice: { kind: 'login-refused' } }));
    await k.page.getByText('This site asked for a separate sign-in box, which this computer does not show').waitFor();
    await k.push(inSession('en', { notice: { kind: 'print-sent' } }));
    await k.page.getByText('Sent to the printer').waitFor();
    expect(await k.problems()).toEqual([]);
  });
});
