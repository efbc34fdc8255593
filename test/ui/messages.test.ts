import { describe, expect, test } from 'vitest';
import { SegmentsError } from '../../src/domain/errors';
import { errorText } from '../../src/ui/common/errorText';
import { excelMessages } from '../../src/ui/import/messages';
import { paneCatalogs } from '../../src/ui/shell/catalogs';
import { makeTranslate } from '../../src/ui/common/i18n';
import { wordMessages } from '../../src/ui/mailMerge/messages';

/** The names a message is filled from: its {name} placeholders and the counts of its {n, plural, …} choices. */
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural, )/g)].map((m) => m[1]))].sort();

describe('the pane’s message catalog', () => {
  test.each(paneCatalogs.map((c, i) => [i, c] as const))(
    'catalog %i has every key in English and Italian, with the same placeholders',
    (_i, c) => {
      expect(Object.keys(c.it).sort()).toEqual(Object.keys(c.en).sort());
      for (const [k, en] of Object.entries(c.en)) {
        expect(en.trim() === '' && k !== 'option.blank', `${k} is empty`).toBe(false);
        expect(placeholders(c.it[k]), k).toEqual(placeholders(en));
      }
    },
  );

  test.each([
    ['Excel', excelMessages],
    ['Word', wordMessages],
  ] as const)('the %s pages’ catalog has every key in English and Italian, with the same placeholders', (_host, c) => {
    expect(Object.keys(c.it).sort()).toEqual(Object.keys(c.en).sort());
    for (const [k, en] of Object.entries(c.en)) {
      expect(en.trim() === '', `${k} is empty`).toBe(false);
      expect(placeholders(c.it[k]), k).toEqual(placeholders(en));
    }
  });

  test('no key is defined twice across catalogs', () => {
    const seen = new Map<string, number>();
    [...paneCatalogs, excelMessages, wordMessages].forEach((c, i) =>
      Object.keys(c.en).forEach((k) => {
        expect(seen.has(k), `${k} in catalogs ${seen.get(k)} and ${i}`).toBe(false);
        seen.set(k, i);
      }),
    );
  });

  test('every SegmentsError code has words in both languages, filled from the details', () => {
    const en = makeTranslate(paneCatalogs, 'en');
    const it = makeTranslate(paneCatalogs, 'it');
    const e = new SegmentsError('DUPLICATE_CONTACT', 'dev text', { contactNo: 'P101' });
    expect(errorText(en, e)).toBe('Contact P101 is already on this segment.');
    expect(errorText(it, e)).toBe('Il contatto P101 è già nel segmento.');
    const f = new SegmentsError('INVALID_FILTER', 'Expected a value at 4', { field: 'city', position: 4 });
    expect(errorText(en, f)).toBe('The filter on City is not valid at position 4.');
    expect(errorText(it, f)).toBe('Il filtro su Città non è valido alla posizione 4.');
    // Never the internal key of the field.
    expect(
      errorText(
        en,
        new SegmentsError('INVALID_FILTER', 'Filter on contact.city "x": at position 2 expected a value, found end.', {
          field: 'contact.city',
          position: 2,
        }),
      ),
    ).not.toMatch(/contact\./);
    // Details that cannot fill the words fall back to the developer's message, never to {placeholders}.
    expect(errorText(en, new SegmentsError('LINE_INCOMPLETE', 'Line 1 lacks a date', {}))).toBe(
      'Something went wrong: Line 1 lacks a date',
    );
    expect(errorText(en, new Error('boom'))).toBe('Something went wrong: boom');
  });
});
