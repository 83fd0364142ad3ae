// electron-builder afterPack hook: flips the Electron fuses of the packaged binary to exactly the
// settings in src/shell/fuses.ts (built to dist/), every fuse explicitly, and fails the build if the
// Electron binary has a fuse that list does not decide (strictlyRequireAllFuses).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** { RunAsNode: false, … } → { [FuseV1Options.RunAsNode]: false, … }; an unknown name is an error. */
export function fuseWire(wanted, FuseV1Options) {
  const wire = {};
  for (const [name, value] of Object.entries(wanted)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`fuses: @electron/fuses has no fuse named ${name}`);
    if (typeof value !== 'boolean') throw new Error(`fuses: ${name} must be true or false`);
    wire[index] = value;
  }
  return wire;
}

/** The kiosk's fuse list, from the build output (the same file the kiosk's own checks use). */
export async function wantedFusesFrom(projectDir) {
  const built = path.join(projectDir, 'dist', 'src', 'shell', 'fuses.js');
  let module;
  try {
    module = await import(pathToFileURL(built).href);
  } catch (error) {
    throw new Error(`fuses: cannot load ${built}: run npm run build first`, { cause: error });
  }
  const wanted = module.wantedFuses ?? module.default?.wantedFuses;
  if (!wanted) throw new Error(`fuses: ${built} exports no wantedFuses`);
  return wanted;
}

/** The file that holds the fuse wire, as electron-builder names the packaged binary. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  return path.join(appOutDir, packager.executableName);
}

// The project's own @electron/fuses (a devDependency), not the older copy nested in app-builder-lib:
// only it knows every fuse of the Electron version the project uses.
export async function afterPack(context) {
  const { FuseV1Options, FuseVersion, flipFuses } = await import('@electron/fuses');
  const wire = fuseWire(await wantedFusesFrom(context.packager.projectDir), FuseV1Options);
  await flipFuses(electronBinaryPath(context), { version: FuseVersion.V1, strictlyRequireAllFuses: true, ...wire });
}
