import type { Language } from '../../src/ipc/contract.js';
import { en } from './en.js';
import { vi, type MessageKey } from './vi.js';

export type { MessageKey };
export type Vars = Readonly<Record<string, string | number>>;

const tables: Record<Language, Record<MessageKey, string>> = { vi, en };
const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

let current: Language = 'vi';

export function language(): Language {
  return current;
}

/** Switches every later t() call and tells assistive technology and font fallback the page's language. */
export function useLanguage(next: Language): void {
  current = next;
  document.documentElement.lang = next;
}

/** A language's own name in that language ("English", "Tiếng Việt"), for the switch button. */
export function languageName(lang: Language): string {
  return tables[lang]['lang.name'];
}

/** For codes from main that may be newer than this table (e.g. a new wipe trigger). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}

export function t(key: MessageKey, vars?: Vars): string {
  const template = tables[current][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** "1 minute", "1.5 seconds", "4,3 giây": a number with its unit, plural as the language wants. */
export function quantity(n: number, unit: 'minute' | 'second', fractionDigits = 0): string {
  const form = new Intl.PluralRules(locales[current], { maximumFractionDigits: fractionDigits }).select(n) === 'one' ? 'one' : 'other';
  return t(`time.${unit}.${form}`, { n: decimal(n, fractionDigits) });
}

/** "1 phút 5 giây" / "1 minute 5 seconds": words, not "1:05", for sentences read aloud. */
export function duration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m === 0) return quantity(s, 'second');
  return s === 0 ? quantity(m, 'minute') : `${quantity(m, 'minute')} ${quantity(s, 'second')}`;
}

/** "1:05": the big clock face of a countdown. */
export function clock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function dateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false };
  return new Intl.DateTimeFormat(locales[current], options).format(date);
}

export function decimal(value: number, fractionDigits = 1): string {
  return new Intl.NumberFormat(locales[current], { maximumFractionDigits: fractionDigits }).format(value);
}
