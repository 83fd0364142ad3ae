import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Opens for reading only what is a regular file, without following a link in the last step and
 * without blocking: a FIFO opened plainly for reading waits for a writer for ever, and a device
 * may act on being opened. O_NONBLOCK makes that open return at once, fstat on the open descriptor
 * (not a stat before it, which a swap could outrun) says what it is, and anything but a regular
 * file is closed unread. Windows has neither flag (0 here) and no FIFOs in the file system.
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** What a non-regular file (FIFO, socket, device, folder) gets: no content to read there. */
export const NOT_REGULAR = 'EFTYPE';

export class NotRegularFileError extends Error {
  readonly code = NOT_REGULAR;
  constructor(file: string) {
    super(`${file} is not a regular file`);
    this.name = 'NotRegularFileError';
  }
}

/** A descriptor of the regular file `file`; throws ELOOP for a link, EFTYPE for anything else, ENOENT … */
export function openRegularFileSync(file: string): number {
  const fd = openSync(file, READ_FLAGS);
  try {
    if (fstatSync(fd).isFile()) return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  closeSync(fd);
  throw new NotRegularFileError(file);
}

/** The text of the regular file `file`, or null when it does not exist; a link, FIFO or device throws. */
export async function readRegularTextIfExists(file: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(file, READ_FLAGS);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
  try {
    if (!(await handle.stat()).isFile()) throw new NotRegularFileError(file);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
