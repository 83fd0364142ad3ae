import type { KioskStatus, OutOfServiceReason } from '../../src/ipc/contract.js';
import { h, setText } from '../dom.js';
import { dateTime, type MessageKey } from '../i18n/index.js';
import { icon } from '../icons.js';
import type { Screen, ScreenContext } from '../screen.js';
import { staffButton, unitHeader } from './chrome.js';

type Step = readonly [MessageKey, string?];
const statusCmd: Step = ['oos.step.status', 'public-kiosk status'];

/** What staff do, by reason, in order. Commands are the CLI's real ones. */
const steps: Record<OutOfServiceReason, readonly Step[]> = {
  'policy-invalid': [['oos.step.checkPolicy', 'public-kiosk policy check'], ['oos.step.fixPolicy']],
  'wipe-failed': [statusCmd, ['oos.step.forceWipe'], ['oos.step.callIt']],
  'wipe-overdue': [['oos.step.forceWipe'], statusCmd, ['oos.step.callIt']],
  'journal-unfinished': [['oos.step.forceWipe'], statusCmd, ['oos.step.callIt']],
  'internal-error': [['oos.step.restart'], statusCmd, ['oos.step.callIt']],
  compliance: [['oos.step.compliance', 'public-kiosk doctor'], ['oos.step.callIt']],
};

/** Citizens read one line (ask the counter); staff get the reason and the exact next steps. */
export class OutOfServiceScreen implements Screen {
  readonly root: HTMLElement;
  private readonly header;
  private readonly heading = h('h1', { text: 'oos.title', attrs: { tabindex: '-1' } });
  private readonly reason = h('p', { class: 'oos-reason' });
  private readonly since = h('p', { class: 'oos-since' });
  private readonly steps = h('ol', { class: 'oos-steps' });
  private shownReason: OutOfServiceReason | null = null;

  constructor(ctx: ScreenContext) {
    this.header = unitHeader(ctx);
    const citizen = h('section', { class: 'oos-citizen' }, [icon('alert', 'oos-icon'), this.heading, h('p', { class: 'oos-body', text: 'oos.body' })]);
    const staff = h('section', { class: 'oos-staff', attrs: { 'aria-labelledby': 'oos-staff-heading' } }, [
      h('h2', { id: 'oos-staff-heading' }, [icon('wrench'), h('span', { text: 'oos.staffHeading' })]),
      this.reason,
      this.since,
      this.steps,
      staffButton(ctx, 'secondary', 'oos.staffSignIn'),
    ]);
    this.root = h('div', { class: 'screen out-of-service' }, [this.header.el, h('main', { class: 'oos-main' }, [citizen, staff])]);
  }

  update(status: KioskStatus): void {
    this.header.update(status);
    const info = status.outOfService ?? { reason: 'internal-error' as const, since: '' };
    this.since.hidden = !info.since;
    if (info.since) setText(this.since, ['oos.since', { time: dateTime(info.since) }]);
    if (info.reason === this.shownReason) return;
    this.shownReason = info.reason;
    setText(this.reason, `oos.reason.${info.reason}`);
    this.steps.replaceChildren(
      ...steps[info.reason].map(([text, command]) => h('li', {}, [h('span', { text }), command ? h('code', { literal: command }) : null])),
    );
  }

  focusTarget(): HTMLElement {
    return this.heading;
  }
}
