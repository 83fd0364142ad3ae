import type { KioskStatus, Language } from '../../src/ipc/contract.js';
import { h, setText, type Msg } from '../dom.js';
import { clock, duration, type MessageKey } from '../i18n/index.js';
import { icon } from '../icons.js';
import type { Screen } from '../screen.js';

export interface CountdownSpec {
  id: string;
  title: MessageKey;
  body(status: KioskStatus): Msg;
  advice?: MessageKey;
  announce: MessageKey;
  secondsLeft(status: KioskStatus): number;
  /** Buttons for this status; rebuilt only when `actionsKey` changes. */
  actions(status: KioskStatus): HTMLButtonElement[];
  actionsKey(status: KioskStatus): string;
}

/**
 * When a countdown is read out: whenever this changes. By default at the start, every ten seconds,
 * then each of the last five: often enough, not every tick. A longer `everySeconds` suits a
 * countdown that does not hold the whole window (the shift banner speaks once a minute).
 */
export function announceBucket(seconds: number, everySeconds = 10): number {
  return seconds <= 5 ? seconds : Math.ceil(seconds / everySeconds) * everySeconds;
}

/**
 * The live region of a countdown: says the time in words when its announce bucket changes, and
 * after a language switch, since relabel() would keep the time words of the old language, which
 * were filled in before the switch.
 */
export class SpokenCountdown {
  private lastBucket: number | null = null;
  private lastLanguage: Language | null = null;

  constructor(
    private readonly el: HTMLElement,
    private readonly announce: MessageKey,
    private readonly everySeconds = 10,
  ) {}

  update(seconds: number, language: Language): void {
    const bucket = announceBucket(seconds, this.everySeconds);
    if (bucket === this.lastBucket && language === this.lastLanguage) return;
    this.lastBucket = bucket;
    this.lastLanguage = language;
    setText(this.el, [this.announce, { time: duration(seconds) }]);
  }

  /** The countdown left the screen: speak again as soon as it returns. */
  reset(): void {
    this.lastBucket = null;
  }
}

/**
 * A full-window warning with a big clock. The clock face is hidden from screen readers; a live
 * region says the time in words at sensible intervals instead of every second.
 */
export class CountdownScreen implements Screen {
  readonly root: HTMLElement;
  private readonly clockFace = h('div', { class: 'countdown-clock', attrs: { 'aria-hidden': 'true' } });
  private readonly spoken = h('p', { class: 'sr-only countdown-spoken', attrs: { 'aria-live': 'assertive', 'aria-atomic': 'true' } });
  private readonly body: HTMLElement;
  private readonly actionsEl = h('div', { class: 'countdown-actions' });
  private readonly spokenTime: SpokenCountdown;
  private actionsKey: string | null = null;

  constructor(private readonly spec: CountdownSpec) {
    const titleId = `${spec.id}-title`;
    const bodyId = `${spec.id}-body`;
    this.body = h('p', { class: 'countdown-body', id: bodyId });
    this.spokenTime = new SpokenCountdown(this.spoken, spec.announce);
    const card = h('div', { class: 'countdown-card', attrs: { role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': titleId, 'aria-describedby': bodyId } }, [
      icon('clock', 'countdown-icon'),
      h('h1', { id: titleId, text: spec.title, attrs: { tabindex: '-1' } }),
      this.body,
      this.clockFace,
      this.spoken,
      spec.advice ? h('p', { class: 'countdown-advice', text: spec.advice }) : null,
      this.actionsEl,
    ]);
    this.root = h('main', { class: `screen countdown-screen ${spec.id}` }, [card]);
  }

  update(status: KioskStatus): void {
    const seconds = Math.max(0, Math.ceil(this.spec.secondsLeft(status)));
    setText(this.body, this.spec.body(status));
    this.clockFace.textContent = clock(seconds);
    this.root.dataset['urgent'] = String(seconds <= 10);
    this.spokenTime.update(seconds, status.language);
    const key = this.spec.actionsKey(status);
    if (key !== this.actionsKey) {
      this.actionsKey = key;
      this.actionsEl.replaceChildren(...this.spec.actions(status));
    }
  }

  focusTarget(): HTMLElement | null {
    return this.actionsEl.querySelector<HTMLElement>('.btn-primary') ?? this.root.querySelector('h1');
  }
}
