import type { KioskStatus } from '../../src/ipc/contract.js';
import { h, setText, type Msg } from '../dom.js';
import { icon, type IconName } from '../icons.js';
import type { Screen } from '../screen.js';

export interface MessageContent {
  tone: 'busy' | 'good' | 'bad';
  title: Msg;
  body: Msg;
}

/**
 * A calm full-window message: starting, wipe progress, wipe result. The whole card is a live
 * region, so a phase change is read out even when focus stays put.
 */
export class MessageScreen implements Screen {
  readonly root: HTMLElement;
  private readonly heading = h('h1', { attrs: { tabindex: '-1' } });
  private readonly body = h('p', { class: 'message-body' });
  private readonly figure = h('div', { class: 'message-figure' });

  constructor(private readonly content: (status: KioskStatus) => MessageContent) {
    const card = h('div', { class: 'message-card', attrs: { role: 'status', 'aria-live': 'polite' } }, [this.figure, this.heading, this.body]);
    this.root = h('main', { class: 'screen message-screen' }, [card]);
  }

  update(status: KioskStatus): void {
    const { tone, title, body } = this.content(status);
    this.root.dataset['tone'] = tone;
    setText(this.heading, title);
    setText(this.body, body);
    const figure: IconName | null = tone === 'good' ? 'check' : tone === 'bad' ? 'alert' : null;
    this.figure.replaceChildren(figure ? icon(figure, 'message-icon') : h('div', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }));
  }

  focusTarget(): HTMLElement {
    return this.heading;
  }
}

export function startingScreen(): Screen {
  return new MessageScreen(() => ({ tone: 'busy', title: 'starting.title', body: 'starting.body' }));
}

export function wipeScreen(): Screen {
  return new MessageScreen((status) => {
    const scope = status.wipe?.scope ?? (status.state === 'wiping-shift' ? 'shift' : 'session');
    switch (status.wipe?.phase ?? 'running') {
      case 'running':
        return { tone: 'busy', title: `wipe.running.${scope}`, body: 'wipe.running.body' };
      case 'succeeded':
        return { tone: 'good', title: 'wipe.succeeded.title', body: `wipe.succeeded.${scope}` };
      case 'failed':
        return { tone: 'bad', title: 'wipe.failed.title', body: 'wipe.failed.body' };
    }
  });
}
