/**
 * The file types the kiosk can prove a download really is (src/shell/download-content.ts checks each
 * one's leading bytes, and for zip-based documents the archive's own table of contents).
 * downloads.allowedExtensions may list only these: a type nobody can check would let any content in
 * under a harmless-looking name.
 */
export const checkableExtensions = [
  'pdf',
  'png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'webp',
  'doc', 'xls', 'ppt',
  'docx', 'xlsx', 'pptx',
  'odt', 'ods', 'odp',
  'zip',
  'txt', 'csv', 'xml', 'rtf',
] as const;

export type CheckableExtension = (typeof checkableExtensions)[number];

export function isCheckableExtension(extension: string): extension is CheckableExtension {
  return (checkableExtensions as readonly string[]).includes(extension);
}
