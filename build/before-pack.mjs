// electron-builder beforePack hook: refuses to package what would not run. The app must be built
// (dist/), and the credential-store module's native binary for the TARGET platform must be
// installed: npm installs only the host's, so a Windows installer built on Linux would ship none
// and every secret (audit key, staff OTP) would be unreachable on the kiosk.
import { existsSync } from 'node:fs';
import path from 'node:path';

const archNames = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];
const keyringSuffix = {
  linux: { x64: 'linux-x64-gnu', arm64: 'linux-arm64-gnu', armv7l: 'linux-arm-gnueabihf' },
  win32: { x64: 'win32-x64-msvc', arm64: 'win32-arm64-msvc', ia32: 'win32-ia32-msvc' },
  darwin: { x64: 'darwin-x64', arm64: 'darwin-arm64' },
};

/** The npm package holding @napi-rs/keyring's binary for a platform and arch, or null if none. */
export function keyringPackageFor(platform, arch) {
  const suffix = keyringSuffix[platform]?.[arch];
  return suffix ? `@napi-rs/keyring-${suffix}` : null;
}

/** Every reason the project cannot be packaged for this target; empty when it can. */
export function packagingProblems(projectDir, platform, arch) {
  const problems = [];
  if (!existsSync(path.join(projectDir, 'dist', 'main', 'index.js'))) problems.push('dist/main/index.js is missing: run npm run build first');
  const keyring = keyringPackageFor(platform, arch);
  if (keyring === null) problems.push(`no @napi-rs/keyring binary exists for ${platform}-${arch}`);
  else if (!existsSync(path.join(projectDir, 'node_modules', ...keyring.split('/'), 'package.json'))) {
    problems.push(`${keyring} is not installed: build the ${platform} package on ${platform} (npm ci there installs it)`);
  }
  return problems;
}

export async function beforePack(context) {
  const arch = archNames[context.arch] ?? String(context.arch);
  const problems = packagingProblems(context.packager.projectDir, context.electronPlatformName, arch);
  if (problems.length > 0) throw new Error(`cannot package public-kiosk:\n  ${problems.join('\n  ')}`);
}
