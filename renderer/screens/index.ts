import type { Screen, ScreenContext, ScreenKey } from '../screen.js';
import { startingScreen, wipeScreen } from './message.js';
import { OutOfServiceScreen } from './out-of-service.js';
import { SessionScreen } from './session.js';
import { idleWarningScreen, shiftWarningScreen } from './warnings.js';
import { WelcomeScreen } from './welcome.js';

/** Every screen but the staff panel, which the controller keeps alive while it is open. */
export function buildScreen(key: Exclude<ScreenKey, 'staff'>, ctx: ScreenContext): Screen {
  switch (key) {
    case 'starting':
      return startingScreen();
    case 'welcome':
      return new WelcomeScreen(ctx);
    case 'session':
      return new SessionScreen(ctx);
    case 'idle-warning':
      return idleWarningScreen(ctx);
    case 'shift-warning':
      return shiftWarningScreen(ctx);
    case 'wipe':
      return wipeScreen();
    case 'out-of-service':
      return new OutOfServiceScreen(ctx);
  }
}
