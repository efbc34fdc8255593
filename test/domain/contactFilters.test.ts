// Criteria filters compiled into one predicate over contacts, without a database.
import { describe, expect, test } from 'vitest';
import type { Contact } from '../../src/domain/contact';
import {
  compileContactFilters,
  isEmptyFilters,
  plainEqualityValue,
  usesInteractionLog,
  type RelatedData,
} from '../../src/domain/contactFilters';
import type { CriteriaFilters } from '../../src/domain/criteria';
import type { InteractionLogEntry } from '../../src/domain/log';
import { makeContact } from '../builders';

const fctx = { locale: 'en-US', today: '2026-03-02' };
const alfa = makeContact(1, {
  type: 'Company',
  name: 'Alfa Srl',
  companyNo: 'CT00001',
  industryGroups: ['RETAIL'],
  businessRelations: ['CUST'],
  city: 'Roma',
});
const anna = makeContact(2, {
  name: 'Anna Bianchi',
  companyNo: 'CT00001',
  city: 'Roma',
  mailingGroups: ['XMAS'],
  jobResponsibilities: ['PURCH'],
  extra: { Segment: 'Gold' },
});
const zoe = makeContact(3, {
  name: 'Zoe Neri',
  city: 'Torino',
  mailingGroups: [],
  profileAnswers: [
    { questionnaire: 'HOBBY', answer: 'Sailing' },
    { questionnaire: 'PET', answer: 'Cat' },
  ],
});
const all = [alfa, anna, zoe];
const rel: RelatedData = { contactsByNo: new Map(all.map((c) => [c.no, c])) };

const matching = (filters: CriteriaFilters, related: RelatedData = rel, pool: Contact[] = all) => {
  const p = compileContactFilters(filters, fctx);
  return pool.filter((c) => p(c, related)).map((c) => c.name);
};

describe('compileContactFilters', () => {
  test('no filter selects every contact', () => {
    expect(matching({})).toEqual(['Alfa Srl', 'Anna Bianchi', 'Zoe Neri']);
    expect(isEmptyFilters({ contact: { city: '  ' } })).toBe(true);
    expect(isEmptyFilters({ contact: { city: 'Roma' } })).toBe(false);
  });

  test('filters on different fields are all met; BC expressions within one field', () => {
    expect(matching({ contact: { city: 'Roma|Torino', name: 'A*' } })).toEqual(['Alfa Srl', 'Anna Bianchi']);
    expect(matching({ contact: { city: '<>Roma' } })).toEqual(['Zoe Neri']);
  });

  test('a list field matches when one of its values does, and an empty list matches a blank filter', () => {
    expect(matching({ contact: { mailingGroups: 'XMAS' } })).toEqual(['Anna Bianchi']);
    expect(matching({ contact: { mailingGroups: "''" } })).toEqual(['Alfa Srl', 'Zoe Neri']);
    expect(matching({ mailingGroup: 'XMAS' })).toEqual(['Anna Bianchi']);
    expect(matching({ jobResponsibility: 'PURCH' })).toEqual(['Anna Bianchi']);
  });

  test('an extra column is filtered by its header', () => {
    expect(matching({ contact: { 'extra.Segment': 'Gold' } })).toEqual(['Anna Bianchi']);
  });

  test('a person inherits its company’s industry groups and business relations', () => {
    expect(matching({ industryGroup: 'RETAIL' })).toEqual(['Alfa Srl', 'Anna Bianchi']);
    expect(matching({ businessRelation: 'CUST' }, rel, [anna])).toEqual(['Anna Bianchi']);
    // Without the company at hand, the person is judged on its own groups.
    expect(matching({ businessRelation: 'CUST' }, { contactsByNo: new Map() }, [anna])).toEqual([]);
  });

  test('questionnaire and answer must be met by one and the same profile answer', () => {
    expect(matching({ profileAnswer: { questionnaire: 'HOBBY', answer: 'Sailing' } })).toEqual(['Zoe Neri']);
    expect(matching({ profileAnswer: { questionnaire: 'HOBBY', answer: 'Cat' } })).toEqual([]);
  });

  test('interaction log filters: one entry meeting all of them is enough', () => {
    const entry = (contactNo: string, over: Partial<InteractionLogEntry>) =>
      ({ contactNo, date: '2026-02-10', campaignNo: '', segmentNo: 'SEG00001', ...over }) as InteractionLogEntry;
    const entriesByContact = new Map([
      [anna.no, [entry(anna.no, { campaignNo: 'CP1', date: '2026-01-05' }), entry(anna.no, { campaignNo: 'CP2' })]],
      [zoe.no, [entry(zoe.no, { campaignNo: 'CP1' })]],
    ]);
    const withLog = { ...rel, entriesByContact };
    expect(usesInteractionLog({ interactionLog: { campaignNo: 'CP1' } })).toBe(true);
    expect(matching({ interactionLog: { campaignNo: 'CP1' } }, withLog)).toEqual(['Anna Bianchi', 'Zoe Neri']);
    expect(matching({ interactionLog: { campaignNo: 'CP1', date: '02/01/26..' } }, withLog)).toEqual(['Zoe Neri']);
  });

  test('a field that does not exist is refused, naming it', () => {
    expect(() => compileContactFilters({ contact: { colour: 'blue' } }, fctx)).toThrow(
      expect.objectContaining({
        code: 'INVALID_FILTER',
        details: expect.objectContaining({ field: 'contact.colour' }),
      }),
    );
    expect(() => compileContactFilters({ interactionLog: { mood: 'x' } }, fctx)).toThrow(
      expect.objectContaining({
        code: 'INVALID_FILTER',
        details: expect.objectContaining({ field: 'interactionLog.mood' }),
      }),
    );
    expect(() => compileContactFilters({ contact: { extra: 'x' } }, fctx)).toThrow(/no contact field "extra"/);
  });
});

describe('imported columns are typed by their values, as the import typed them', () => {
  // A CSV's date column is stored as ISO dates, a number column as numbers (csvValues.ts).
  const imported = [
    makeContact(11, { name: 'Early', extra: { Since: '2025-07-07', Score: 6, Code: 'A02' } }),
    makeContact(12, { name: 'Mid', extra: { Since: '2026-02-02', Score: 31, Code: 'B02' } }),
    makeContact(13, { name: 'Late', extra: { Since: '2027-06-06', Score: 45.5, Code: '007' } }),
    makeContact(14, { name: 'Blank', extra: { Code: '' } }),
  ];
  const known: RelatedData = { contactsByNo: new Map(imported.map((c) => [c.no, c])) };
  const select = (filters: CriteriaFilters, ctx = fctx) => {
    const p = compileContactFilters(filters, ctx, known.contactsByNo.values());
    return imported.filter((c) => p(c, known)).map((c) => c.name);
  };
  const failure = (filters: CriteriaFilters, ctx = fctx) => {
    try {
      select(filters, ctx);
    } catch (e) {
      return e as { code: string; details: Record<string, unknown> };
    }
    throw new Error('no error');
  };

  test('a date column reads dates in the workspace locale or ISO', () => {
    expect(select({ contact: { 'extra.Since': '1/1/26..12/31/26' } })).toEqual(['Mid']);
    expect(select({ contact: { 'extra.Since': '2026-01-01..2026-12-31' } })).toEqual(['Mid']);
    expect(select({ contact: { 'extra.Since': '01/01/26..31/12/26' } }, { ...fctx, locale: 'it-IT' })).toEqual(['Mid']);
  });

  test('a value that is not a date in the workspace locale is an error naming it and its position', () => {
    const e = failure({ contact: { 'extra.Since': '01/01/26..31/12/26' } });
    expect(e.code).toBe('INVALID_FILTER');
    expect(e.details).toMatchObject({
      field: 'contact.extra.Since',
      position: 11,
      expected: 'date',
      value: '31/12/26',
    });
    expect(failure({ contact: { 'extra.Since': '31/12/26' } }).details).toMatchObject({ position: 1 });
  });

  test('a number column reads numbers in the workspace locale; text is an error', () => {
    expect(select({ contact: { 'extra.Score': '>=30' } })).toEqual(['Mid', 'Late']);
    expect(select({ contact: { 'extra.Score': '45,5' } }, { ...fctx, locale: 'it-IT' })).toEqual(['Late']);
    expect(failure({ contact: { 'extra.Score': 'abc' } }).details).toMatchObject({
      field: 'contact.extra.Score',
      position: 1,
      expected: 'number',
      value: 'abc',
    });
  });

  test('a column of codes stays text, and without the contacts at hand a column compares as before', () => {
    expect(select({ contact: { 'extra.Code': 'A*|B*|007' } })).toEqual(['Early', 'Mid', 'Late']);
    const p = compileContactFilters({ contact: { 'extra.Score': 'abc' } }, fctx);
    expect(imported.filter((c) => p(c, known))).toEqual([]);
  });
});

describe('an imported number column (Fatturato, it-IT), compared as BC compares numbers', () => {
  const IT = { locale: 'it-IT', today: '2026-03-02' };
  const imported = [
    makeContact(21, { name: 'Uno', extra: { Fatturato: 1500, Punti: 1500 } }),
    makeContact(22, { name: 'Due', extra: { Fatturato: 800, Punti: 800 } }),
    makeContact(23, { name: 'Zero', extra: { Fatturato: 0, Punti: 0 } }),
    makeContact(24, { name: 'Senza', extra: { Altro: 'x' } }),
    makeContact(25, { name: 'Vuoto', extra: { Fatturato: '', Punti: '' } }),
    makeContact(26, { name: 'Testo', extra: { Fatturato: 'abc', Punti: 5 } }),
    makeContact(27, { name: 'Milioni', extra: { Fatturato: 1234567, Punti: 1234567 } }),
  ];
  const known: RelatedData = { contactsByNo: new Map(imported.map((c) => [c.no, c])) };
  const select = (field: string, expr: string, ctx = IT) => {
    const p = compileContactFilters({ contact: { [`extra.${field}`]: expr } }, ctx, imported);
    return imported.filter((c) => p(c, known)).map((c) => c.name);
  };
  const failure = (field: string, expr: string, ctx = IT) => {
    try {
      select(field, expr, ctx);
    } catch (e) {
      return e as { code: string; details: Record<string, unknown> };
    }
    throw new Error('no error');
  };
  const blanks = ['Senza', 'Vuoto'];

  test.each(['Fatturato', 'Punti'])('%s: a point between groups of three digits groups thousands', (field) => {
    expect(select(field, '>1.500')).toEqual(['Milioni']);
    expect(select(field, '>=1.500')).toEqual(['Uno', 'Milioni']);
    expect(select(field, '1.234.567')).toEqual(['Milioni']);
    expect(select(field, '1.000..1.234.567')).toEqual(['Uno', 'Milioni']);
  });

  test.each(['Fatturato', 'Punti'])(
    '%s: a point that cannot group is refused, saying the comma is the decimal sign',
    (field) => {
      for (const [expr, position, value] of [
        ['1.5', 1, '1.5'],
        ['>1.50', 2, '1.50'],
        ['0..0.5', 4, '0.5'],
      ] as const) {
        const e = failure(field, expr);
        expect(e.code).toBe('INVALID_FILTER');
        expect(e.details).toMatchObject({
          field: `contact.extra.${field}`,
          position,
          value,
          expected: 'decimalComma',
          example: '1.234,56',
        });
      }
      // Mirrored in en-US: a comma that cannot group is refused, the point is the decimal sign.
      expect(failure(field, '1,5', { ...IT, locale: 'en-US' }).details).toMatchObject({ expected: 'decimalPoint' });
      expect(select(field, '1,500', { ...IT, locale: 'en-US' })).toEqual(['Uno']);
    },
  );

  test.each(['Fatturato', 'Punti'])('%s: a blank number is 0 for every operator', (field) => {
    expect(select(field, '0')).toEqual(['Zero', ...blanks]);
    expect(select(field, '<1')).toEqual(['Zero', ...blanks]);
    expect(select(field, '<=0')).toEqual(['Zero', ...blanks]);
    expect(select(field, '<0')).toEqual([]);
    expect(select(field, '>=0').filter((n) => n !== 'Testo')).toEqual(['Uno', 'Due', 'Zero', ...blanks, 'Milioni']);
    expect(select(field, '0..1000')).toEqual(['Due', 'Zero', ...blanks].concat(field === 'Punti' ? ['Testo'] : []));
    expect(select(field, "''")).toEqual(['Zero', ...blanks]);
    expect(select(field, "<>''").filter((n) => n !== 'Testo')).toEqual(['Uno', 'Due', 'Milioni']);
  });

  test('a text cell never matches a numeric comparison or range, and still matches a text filter', () => {
    expect(select('Fatturato', '>1000')).toEqual(['Uno', 'Milioni']);
    expect(select('Fatturato', '<>0')).toEqual(['Uno', 'Due', 'Milioni']);
    expect(select('Fatturato', "<>''")).toEqual(['Uno', 'Due', 'Milioni']);
    expect(select('Fatturato', '..1.234.567')).toEqual(['Uno', 'Due', 'Zero', ...blanks, 'Milioni']);
    expect(select('Fatturato', 'abc')).toEqual(['Testo']);
    expect(select('Fatturato', '@A*')).toEqual(['Testo']);
  });

  test('an interaction log number reads the locale too: 1.000 is entry 1000, not entry 1', () => {
    const entry = (contactNo: string, loggedSegmentEntryNo: number) =>
      ({ contactNo, date: '2026-02-10', loggedSegmentEntryNo }) as InteractionLogEntry;
    const [uno, due] = imported;
    const entriesByContact = new Map([
      [uno.no, [entry(uno.no, 1)]],
      [due.no, [entry(due.no, 1000)]],
    ]);
    const p = compileContactFilters({ interactionLog: { loggedSegmentEntryNo: '1.000' } }, IT);
    expect(imported.filter((c) => p(c, { ...known, entriesByContact })).map((c) => c.name)).toEqual(['Due']);
    expect(() => compileContactFilters({ interactionLog: { loggedSegmentEntryNo: '1.5' } }, IT)).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ field: 'interactionLog.loggedSegmentEntryNo', expected: 'decimalComma' }),
      }),
    );
  });
});

describe('an imported date column refuses an impossible date, as the interaction log date does', () => {
  const IT = { locale: 'it-IT', today: '2026-03-02' };
  const imported = [
    makeContact(31, { name: 'Prima', extra: { Data: '2023-02-28', Solo: '2023-02-28' } }),
    makeContact(32, { name: 'Dopo', extra: { Data: '2023-03-01', Solo: '2023-03-01' } }),
    makeContact(33, { name: 'Nd', extra: { Data: 'n/d' } }),
    makeContact(34, { name: 'Vuota', extra: { Data: '', Solo: '' } }),
  ];
  const select = (field: string, expr: string) => {
    const p = compileContactFilters({ contact: { [`extra.${field}`]: expr } }, IT, imported);
    return imported.filter((c) => p(c, { contactsByNo: new Map() })).map((c) => c.name);
  };

  test.each(['Data', 'Solo'])('%s: 29/02/2023 is refused with the date message, naming value and position', (field) => {
    for (const [expr, position] of [
      ['29/02/2023', 1],
      ['>29/02/2023', 2],
      ['01/01/2023..31/02/2023', 13],
    ] as const) {
      expect(() => select(field, expr)).toThrow(
        expect.objectContaining({
          code: 'INVALID_FILTER',
          details: expect.objectContaining({ field: `contact.extra.${field}`, position, expected: 'date' }),
        }),
      );
    }
  });

  test('dates compare as dates; a text cell matches only a text filter', () => {
    expect(select('Data', '>28/02/2023')).toEqual(['Dopo']);
    expect(select('Data', '<>28/02/2023')).toEqual(['Dopo', 'Vuota']);
    expect(select('Data', '..28/02/2023')).toEqual(['Prima', 'Vuota']);
    expect(select('Data', 'n/d')).toEqual(['Nd']);
    expect(select('Data', "''")).toEqual(['Vuota']);
  });
});

describe('plainEqualityValue', () => {
  test('a literal or =literal can be answered from an index; any expression cannot', () => {
    expect(plainEqualityValue('C0001')).toBe('C0001');
    expect(plainEqualityValue('=C0001')).toBe('C0001');
    for (const e of ['C1|C2', 'C1..C9', '<>C1', 'C*', '@c1', "'C1'", '', '  '])
      expect(plainEqualityValue(e)).toBeUndefined();
  });
});
