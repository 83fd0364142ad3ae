// `npm run dist:msi`: the MSI for Group Policy and Intune, from electron-builder's win-unpacked tree
// (out/installers/win-unpacked, or the folder given as the first argument), with Debian's wixl.
// Writes out/installers/public-kiosk-VERSION-x64.msi. The logic is in build/msi.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMsi, msiInputProblems } from '../build/msi.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const unpacked = path.resolve(process.argv[2] ?? path.join(root, 'out', 'installers', 'win-unpacked'));
const problems = msiInputProblems(unpacked);
if (problems.length > 0) {
  for (const problem of problems) console.error(`dist:msi: ${problem}`);
  process.exit(2);
}
const out = path.join(root, 'out', 'installers', `public-kiosk-${version}-x64.msi`);
try {
  console.log(`dist:msi: ${buildMsi({ unpacked, version, out })}`);
} catch (error) {
  const detail = error && typeof error === 'object' && 'stderr' in error ? String(error.stderr ?? '') : '';
  console.error(`dist:msi: ${error instanceof Error ? error.message : String(error)}${detail ? `\n${detail}` : ''}`);
  console.error('dist:msi: needs wixl, wixl-heat, msiinfo and msibuild (Debian: apt-get install wixl msitools)');
  process.exit(1);
}
