/**
 * Debian's Chromium with the flags from kiosk-facts.md. Every stray request goes to a dead loopback
 * proxy; Chromium bypasses proxies for loopback by itself, so a test server on 127.0.0.1 is reached
 * directly ('--proxy-bypass-list=<-loopback>' would do the opposite: it removes that implicit bypass).
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--proxy-server=http://127.0.0.1:9',
];
