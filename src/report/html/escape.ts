/**
 * Every value in the HTML report goes through here: kiosk ids come from file names and records from
 * logs a department merely received, so each is hostile input. Markup characters become entities;
 * control characters and bidirectional overrides (which can make one id read as another) become U+FFFD.
 */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// C0/C1 controls except tab and newline, and the bidi embedding, override and isolate characters.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeHtml(value: string | number): string {
  return String(value)
    .replace(unsafe, '\ufffd')
    .replace(/[&<>"']/g, (c) => entities[c]!);
}

/** Shortens for a narrow column (the full value stays in the cell's title). */
export function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}
