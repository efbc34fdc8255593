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

  test('a count before a counted noun is a plural choice: never "1 lines" or "1 righe"', () => {
    const nouns = {
      en: 'lines|records|contacts|rows|letters|comments|entries|segments|changes|columns|criteria actions|actions|interactions|(?:more )?actions|steps|persons',
      it: 'righe|contatti|lettere|commenti|movimenti|segmenti|modifiche|colonne|azioni|interazioni|passaggi|persone',
    };
    // Counts that are never 1 where they are shown: the sample's contacts, "{n} changes waiting" (one has its own message).
    const always = new Set(['firstRun.sample.loaded', 'sync.pendingMany']);
    const bare: string[] = [];
    for (const c of [...paneCatalogs, excelMessages, wordMessages])
      for (const lang of ['en', 'it'] as const)
        for (const [k, text] of Object.entries(c[lang]))
          if (!always.has(k) && new RegExp(`\\{\\w+\\} (${nouns[lang]})\\b`).test(text))
            bare.push(`${lang} ${k}: ${text}`);
    expect(bare).toEqual([]);
    const en = makeTranslate([...paneCatalogs, wordMessages], 'en');
    const it = makeTranslate([...paneCatalogs, wordMessages], 'it');
    expect(en('segments.deleteConfirm', { no: 'SEG1', lines: '1' })).toBe(
      'Delete segment SEG1 with its 1 line and criteria?',
    );
    expect(it('segments.deleteConfirm', { no: 'SEG1', lines: '1' })).toBe(
      'Eliminare il segmento SEG1 con la sua 1 riga e i criteri?',
    );
    expect(it('word.merge.done', { letters: 1 })).toBe('1 lettera unita.');
    expect(en('transfer.restored', { n: 1 })).toBe('The workspace was restored: 1 record.');
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
