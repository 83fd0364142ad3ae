// Everything the test suites need from outside the project's npm dependencies, in one list.
// `npm test` (scripts/test-deps/ensure.mjs) checks it first and installs what is missing; CI runs the
// same command, so there is no second list to keep in step. Add a suite's needs here, with why.

/** Debian packages, checked with dpkg-query and installed with apt-get. */
export const aptPackages = [
  { name: 'chromium', for: 'browser-engine tests (Debian Chromium is the engine inside Electron)' },
  { name: 'xvfb', for: 'headed Chromium for screenshots and fullscreen tests' },
  { name: 'xauth', for: 'xvfb-run' },
  { name: 'matchbox-window-manager', for: 'a true fullscreen window under Xvfb' },
  { name: 'fonts-noto-core', for: 'Vietnamese text in screenshots' },
  { name: 'gnome-keyring', for: 'credential-store tests against a real Secret Service' },
  { name: 'dbus', for: 'dbus-run-session for the Secret Service tests' },
  { name: 'dbus-x11', for: 'a session bus for gnome-keyring' },
  { name: 'libsecret-tools', for: 'secret-tool, to read what the credential store wrote' },
  { name: 'systemd', for: 'systemd-analyze verify of the shift-wipe timer units' },
  { name: 'faketime', for: 'libfaketime: the report tests run real wipes at chosen moments' },
];

/**
 * Tools that are not Debian packages of their own (a binary from an npm package, a program unpacked
 * from a .deb without installing its daemon). Each entry: { name, for, present(): boolean, install(log): void }.
 * They live under .cache/test-tools/ in the checkout (git-ignored); see tools.mjs for helpers.
 */
export const tools = [];
