import { z } from 'zod';

/** A path, or one path per operating system; `${VAR}` references are expanded from the environment. */
export const osPath = z.union([
  z.string().min(1),
  z.strictObject({
    windows: z.string().min(1).optional(),
    linux: z.string().min(1).optional(),
    darwin: z.string().min(1).optional(),
  }),
]);
