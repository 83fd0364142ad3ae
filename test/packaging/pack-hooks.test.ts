import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinaryPath, fuseWire, wantedFusesFrom } from '../../build/after-pack.mjs';
import { keyringPackageFor, packagingProblems } from '../../build/before-pack.mjs';
import { wantedFuses } from '../../src/shell/fuses';
import { repoRoot } from '../support/cli';

describe('fuses the packaging flips (build/after-pack.mjs from src/shell/fuses.ts)', () => {
  it('are the settings the issue asks for, as data', () => {
    expect(wantedFuses).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      GrantFileProtocolExtraPrivileges: false,
      EnableCookieEncryption: true,
      // Not in the issue; decided explicitly because the build requires every fuse to be set.
      LoadBrowserProcessSpecificV8Snapshot: false,
      WasmTrapHandlers: true,
    });
  });

  it('map to the fuse wire by index, and an unknown name stops the build', async () => {
    const { FuseV1Options } = await import('@electron/fuses');
    const wire = fuseWire(wantedFuses, FuseV1Options);
    expect(wire).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.WasmTrapHandlers]: true,
    });
    expect(() => fuseWire({ RunAsNod: false }, FuseV1Options)).toThrow(/no fuse named RunAsNod/);
  });

  it('are read by the hook from the build output, identical to the source', async () => {
    expect(await wantedFusesFrom(repoRoot)).toEqual(wantedFuses);
  });

  it('are flipped in the binary electron-builder writes for each platform', () => {
    const packager = { executableName: 'public-kiosk', appInfo: { productFilename: 'public-kiosk' } };
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(path.join('/o', 'public-kiosk.exe'));
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(path.join('/o', 'public-kiosk'));
  });
});

describe('beforePack guard (build/before-pack.mjs)', () => {
  it('knows the credential-store binary package of each target', () => {
    expect(keyringPackageFor('linux', 'x64')).toBe('@napi-rs/keyring-linux-x64-gnu');
    expect(keyringPackageFor('win32', 'x64')).toBe('@napi-rs/keyring-win32-x64-msvc');
    expect(keyringPackageFor('freebsd', 'x64')).toBeNull();
  });

  it('lets this machine package for itself and refuses a target whose binary npm did not install', () => {
    expect(packagingProblems(repoRoot, process.platform, process.arch)).toEqual([]);
    const other = process.platform === 'win32' ? 'linux' : 'win32';
    const otherPackage = keyringPackageFor(other, 'x64') ?? '';
    if (existsSync(path.join(repoRoot, 'node_modules', otherPackage))) {
      console.log(`${otherPackage} happens to be installed here: the refusal case is not exercised`);
      return;
    }
    expect(packagingProblems(repoRoot, other, 'x64')).toEqual([`${otherPackage} is not installed: build the ${other} package on ${other} (npm ci there installs it)`]);
  });
});
