import { button } from '../dom.js';
import { icon } from '../icons.js';
import type { Screen, ScreenContext } from '../screen.js';
import { CountdownScreen } from './countdown.js';

/** "Are you still there?": the big button keeps the session, the other ends it now. */
export function idleWarningScreen(ctx: ScreenContext): Screen {
  return new CountdownScreen({
    id: 'idle-warning',
    title: 'idle.title',
    body: () => 'idle.body',
    announce: 'idle.announce',
    secondsLeft: (status) => status.idleWarning?.secondsLeft ?? 0,
    actionsKey: () => 'idle',
    actions: () => [
      button({ kind: 'primary', class: 'btn-still-here', text: 'idle.stillHere', onClick: () => void ctx.api.stillHere().catch(() => undefined) }),
      button({ kind: 'danger-outline', class: 'btn-end-now', icon: icon('exit'), text: 'idle.endNow', onClick: () => void ctx.api.endSession().catch(() => undefined) }),
    ],
  });
}

/** The shift is ending: the whole machine will be wiped. A citizen in session may end now. */
export function shiftWarningScreen(ctx: ScreenContext): Screen {
  return new CountdownScreen({
    id: 'shift-warning',
    title: 'shift.title',
    body: (status) => (status.state === 'in-session' ? 'shift.bodySession' : 'shift.bodyIdle'),
    advice: 'shift.advice',
    announce: 'shift.announce',
    secondsLeft: (status) => status.shiftWarning?.secondsLeft ?? 0,
    actionsKey: (status) => status.state,
    actions: (status) =>
      status.state === 'in-session'
        ? [button({ kind: 'danger', class: 'btn-end-now', icon: icon('exit'), text: 'shift.endNow', onClick: () => void ctx.api.endSession().catch(() => undefined) })]
        : [],
  });
}
