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

describe('plainEqualityValue', () => {
  test('a literal or =literal can be answered from an index; any expression cannot', () => {
    expect(plainEqualityValue('C0001')).toBe('C0001');
    expect(plainEqualityValue('=C0001')).toBe('C0001');
    for (const e of ['C1|C2', 'C1..C9', '<>C1', 'C*', '@c1', "'C1'", '', '  '])
      expect(plainEqualityValue(e)).toBeUndefined();
  });
});
