import { DebugLogger } from 'builder-util';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';
import { LINUX_CLI_SWITCHES } from '../../src/install/scheduled-program';
import { SYSTEMD_SERVICE, SYSTEMD_TIMER } from '../../src/install/systemd-units';
import { repoRoot } from '../support/cli';

// electron-builder's own loader and validator (its scheme.json through its ajv setup), offline.
const load = (): Promise<Configuration> => getConfig(repoRoot, path.join(repoRoot, 'electron-builder.yml'), null);
const validate = (config: Configuration): Promise<void> => validateConfiguration(config, new DebugLogger(false));
const read = (file: string): string => readFileSync(path.join(repoRoot, file), 'utf8');

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    await expect(validate(await load())).resolves.toBeUndefined();
  });

  it('the same validator rejects a misspelt option (so the check above can fail)', async () => {
    const config = await load();
    await expect(validate({ ...config, nsis: { ...config.nsis, perMachin: true } as never })).rejects.toThrow(/Invalid configuration object[\s\S]*configuration\.nsis/);
  });

  it('declares the installers the issue asks for', async () => {
    const config = await load();
    expect(config.asar).toBe(true);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, include: 'build/installer.nsh' });
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.asarUnpack).toEqual(['**/node_modules/@napi-rs/keyring*/**/*.node']);
    expect(config.directories?.output).toBe('out/installers');
    // One list of fuses: src/shell/fuses.ts through the afterPack hook, none here to drift from it.
    expect(config.electronFuses).toBeUndefined();
    expect(config.afterPack).toBe('./build/after-pack.mjs');
  });

  it('packages only built JavaScript, the UI, the bundled policy and package.json', async () => {
    // getConfig normalises the list into one { filter } entry.
    const files = ((await load()).files as { filter: string[] }[])[0]?.filter ?? [];
    const included = files.filter((f) => !f.startsWith('!'));
    expect(included).toEqual(['package.json', 'dist/main/**/*.js', 'dist/src/**/*.js', 'dist/ui/**/*', 'policies/default.yaml', 'policies/policy.schema.json']);
    expect(files).toEqual(expect.arrayContaining(['!**/*.ts', '!**/*.map']));
  });
});

describe('installer resources', () => {
  const scripts = ['build/linux/postinst.sh', 'build/linux/postrm.sh', 'build/linux/prerm.sh', 'build/linux/public-kiosk-cli'];

  it.each(scripts)('%s is executable and valid shell', (file) => {
    accessSync(path.join(repoRoot, file), constants.X_OK);
    const shell = read(file).startsWith('#!/bin/bash') ? 'bash' : 'sh';
    const check = spawnSync(shell, ['-n', path.join(repoRoot, file)], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it.each(['build/linux/postinst.sh', 'build/linux/postrm.sh'])('%s uses only the macros electron-builder fills in', (file) => {
    // electron-builder replaces ${name} (letters only) and fails the build on an unknown name.
    const macros = new Set([...read(file).matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]));
    expect([...macros].sort()).toEqual(['executable', 'sanitizedProductName']);
  });

  it('the CLI wrapper passes exactly the switches the schedule uses', () => {
    const line = read('build/linux/public-kiosk-cli').split('\n').find((l) => l.startsWith('exec '));
    expect(line).toBe(`exec "$here/public-kiosk" ${LINUX_CLI_SWITCHES.join(' ')} "$@"`);
  });

  it('prerm removes the units install-schedule writes; the NSIS script registers and removes the tasks', () => {
    expect(read('build/linux/prerm.sh')).toContain(`rm -f /etc/systemd/system/${SYSTEMD_TIMER} /etc/systemd/system/${SYSTEMD_SERVICE}`);
    const nsh = read('build/installer.nsh');
    expect(nsh).toContain('!insertmacro publicKioskStep "install-schedule"');
    expect(nsh).toContain('--kiosk-cli install-schedule --remove');
    expect(nsh).toMatch(/!ifndef BUILD_UNINSTALLER\nVar PkKioskUser/);
  });
});
