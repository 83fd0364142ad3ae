import path from 'node:path';

/**
 * Marker switch: the packaged binary started with it only ever runs a CLI command and exits; it
 * never opens the kiosk window, even when the command words are wrong (main/headless.ts).
 */
export const CLI_MARKER = '--kiosk-cli';

/**
 * How the Linux binary runs a CLI command with no display (OS timer, SSH, postinst as root):
 * Chromium's headless Ozone backend instead of X11/Wayland, no GPU, and no sandbox (there is no
 * web content to sandbox: the marker guarantees no page is ever loaded). build/linux/public-kiosk-cli
 * is the same line as a shell script; a test keeps the two equal.
 */
export const LINUX_CLI_SWITCHES = ['--ozone-platform=headless', '--disable-gpu', '--no-sandbox', CLI_MARKER] as const;

/** The name of the wrapper script installed beside the Linux binary. */
export const LINUX_CLI_WRAPPER = 'public-kiosk-cli';

export interface RuntimeFacts {
  platform: NodeJS.Platform;
  execPath: string;
  /** Set when running inside Electron (the packaged app); absent under plain Node. */
  electronVersion: string | undefined;
  env: Record<string, string | undefined>;
}

/**
 * The program the OS scheduler starts to reach this same installation: the packaged binary (through
 * its CLI wrapper on Linux), the AppImage file itself, or in a development checkout Node with the
 * repository's bin script.
 */
export function scheduledProgram(facts: RuntimeFacts): string[] {
  if (facts.electronVersion === undefined) {
    return [facts.execPath, path.resolve(__dirname, '..', '..', '..', 'bin', 'public-kiosk.js')];
  }
  if (facts.platform === 'win32') return [facts.execPath, CLI_MARKER];
  // Inside an AppImage execPath is a temporary mount; the .AppImage file is what stays.
  const appImage = facts.env.APPIMAGE;
  if (appImage) return [appImage, ...LINUX_CLI_SWITCHES];
  return [path.join(path.dirname(facts.execPath), LINUX_CLI_WRAPPER)];
}

export function currentRuntime(env: Record<string, string | undefined>): RuntimeFacts {
  return { platform: process.platform, execPath: process.execPath, electronVersion: process.versions.electron, env };
}
