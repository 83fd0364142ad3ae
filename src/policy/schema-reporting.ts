import { z } from 'zod';

/**
 * `reporting`: how the kiosk's evidence is judged and sent on. The evidence report
 * (`public-kiosk report`) counts a shift wipe as on time when it started at most
 * onTimeGraceMinutes after its shift end; later (before the next shift end) it is caught up.
 */
export const reportingSchema = z
  .strictObject({
    onTimeGraceMinutes: z
      .number()
      .int()
      .min(1)
      .max(240)
      .describe('Minutes after a shift end within which its shift wipe counts as on time in the report (default 15). / Số phút sau giờ hết ca vẫn tính là đúng giờ.'),
  })
  .describe('Evidence reports: when a shift wipe counts as on time. / Báo cáo bằng chứng xóa dữ liệu.');
