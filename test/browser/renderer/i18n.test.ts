import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { vi } from '../../../renderer/i18n/vi';

// Plain data checks (no browser needed): the two tables must say the same things with the same slots.
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

function rendererSources(dir = path.resolve(__dirname, '..', '..', '..', 'renderer')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return rendererSources(file);
      // The tables themselves do not count as uses.
      return entry.name.endsWith('.ts') && !['vi.ts', 'en.ts'].includes(entry.name) ? readFileSync(file, 'utf8') : '';
    })
    .join('\n');
}

describe('the i18n tables', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    expect(Object.keys(vi).length).toBeGreaterThan(100);
  });

  it('use the same {placeholders} for every key', () => {
    const mismatched = Object.entries(vi).filter(([key, text]) => placeholders(text).join() !== placeholders(en[key as keyof typeof vi]).join());
    expect(mismatched).toEqual([]);
  });

  it('have no empty or padded strings', () => {
    for (const table of [vi, en]) {
      const bad = Object.entries(table).filter(([, text]) => text.trim() === '' || text !== text.trim());
      expect(bad).toEqual([]);
    }
  });

  it('write Vietnamese in precomposed Unicode (NFC), as fonts and screen readers expect', () => {
    const decomposed = Object.entries(vi).filter(([, text]) => text !== text.normalize('NFC'));
    expect(decomposed).toEqual([]);
  });

  it('actually translate: English strings carry no Vietnamese letters', () => {
    const vietnameseOnly = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
    const untranslated = Object.entries(en).filter(([, text]) => vietnameseOnly.test(text));
    expect(untranslated).toEqual([]);
  });

  it('hold no dead strings: every key is used by the UI, literally or through a `prefix.${code}` template', () => {
    const source = rendererSources();
    const prefixes = [...source.matchAll(/`([a-z][\w.-]*\.)\$\{/gi)].map((m) => m[1] ?? '');
    const unused = Object.keys(vi).filter((key) => !source.includes(`'${key}'`) && !prefixes.some((prefix) => key.startsWith(prefix)));
    expect(prefixes.length).toBeGreaterThan(5);
    expect(unused).toEqual([]);
  });
});
