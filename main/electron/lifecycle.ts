// Runtime Electron adapter (tests never import this file): leaving and restarting the kiosk.
import { app } from 'electron';
import { relaunchArguments } from '../../src/shell/launch-switches';

export interface Lifecycle {
  /** Restarts the kiosk with the same arguments plus `extra`; the liveness lock is released first. */
  relaunch(extra: string[]): Promise<void>;
  /** The admin exit: the window becomes closable and the app quits. */
  leave(): Promise<void>;
}

export function createLifecycle(releaseLock: () => Promise<void>, allowClose: () => void): Lifecycle {
  const letGo = () => releaseLock().catch((error: unknown) => console.error('public-kiosk: releasing the liveness lock failed:', error));
  return {
    async relaunch(extra) {
      await letGo();
      // Packaged: only the relaunch's own marker; nothing from this start's command line carries over.
      app.relaunch({ args: relaunchArguments(process.argv, app.isPackaged, extra) });
      app.exit(0);
    },
    async leave() {
      allowClose();
      await letGo();
      app.quit();
    },
  };
}
