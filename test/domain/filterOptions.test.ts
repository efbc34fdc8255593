// Option fields in filters, dates an error shows how to write, and imported columns no contact has.
import { describe, expect, test } from 'vitest';
import { makeContact } from '../builders';
import { compileContactFilters, checkExtraColumns } from '../../src/domain/contactFilters';
import { matchContacts } from '../../src/domain/criteriaPlan';
import { SegmentsError } from '../../src/domain/errors';
import { parseFilter, parseFilterDate } from '../../src/domain/filterExpression';
import { contactOptionFields, interactionLogOptionFields } from '../../src/domain/filterOptions';
import { dateExample } from '../../src/domain/filterValues';

const it = { locale: 'it-IT', today: '2026-12-07' };
const us = { locale: 'en-US', today: '2026-12-07' };

function errorOf(f: () => unknown): SegmentsError {
  try {
    f();
  } catch (e) {
    if (e instanceof SegmentsError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('option fields', () => {
  const type = { option: contactOptionFields.type };
  test('the Italian captions and the stored values, in any case', () => {
    for (const expr of ['Società', 'società', 'Company', 'COMPANY', '=Società']) {
      const f = parseFilter(expr, type, it, 'contact.type');
      expect([f.matches('Company'), f.matches('Person')]).toEqual([true, false]);
    }
    const f = parseFilter('<>Persona', type, us);
    expect([f.matches('Company'), f.matches('Person')]).toEqual([true, false]);
    expect(parseFilter('Soc*', type, it).matches('Company')).toBe(true);
    expect(parseFilter('Company|Persona', type, it).matches('Person')).toBe(true);
  });

  test('evaluation: captions, blank and ranges by BC’s order', () => {
    const ev = { option: interactionLogOptionFields.evaluation };
    expect(parseFilter('molto positiva', ev, it).matches('Very Positive')).toBe(true);
    expect(parseFilter("''", ev, it).matches('')).toBe(true);
    const range = parseFilter('Positive..Negativa', ev, it);
    expect(['Very Positive', 'Positive', 'Neutral', 'Negative', ''].map((v) => range.matches(v))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  test('a value that is no option is an error at its position naming the options', () => {
    const e = errorOf(() => parseFilter('Company|Cliente', type, it, 'contact.type'));
    expect(e.code).toBe('INVALID_FILTER');
    expect(e.details).toMatchObject({
      position: 9,
      field: 'contact.type',
      expected: 'option',
      options: 'Company|Person',
    });
    expect(errorOf(() => parseFilter('Cli*', type, it)).details).toMatchObject({ position: 1, expected: 'option' });
  });

  test('contact filters on Type and Correspondence Type read the captions', () => {
    const company = makeContact(1, { type: 'Company', correspondenceType: 'Hard Copy' });
    const person = makeContact(2, { type: 'Person', correspondenceType: 'Email' });
    const rel = { contactsByNo: new Map() };
    const p = compileContactFilters({ contact: { type: 'Persona', correspondenceType: 'e-mail' } }, it);
    expect([p(company, rel), p(person, rel)]).toEqual([false, true]);
    expect(() => compileContactFilters({ contact: { type: 'Cliente' } }, it)).toThrow(SegmentsError);
  });
});

describe('dates in the workspace locale', () => {
  test('it-IT reads 07/12/2026 as 7 December, as the pane shows it, and 07/12/26 too', () => {
    expect(parseFilterDate('07/12/2026', it)).toBe('2026-12-07');
    expect(parseFilterDate('07/12/26', it)).toBe('2026-12-07');
    const f = parseFilter('01/12/26..31/12/26', 'date', it);
    expect(f.matches('2026-12-07')).toBe(true);
  });

  test('a date that cannot be read: the error carries an example in the locale’s format', () => {
    const e = errorOf(() => parseFilter('31/12/26', 'date', us, 'interactionLog.date'));
    expect(e.details).toMatchObject({ position: 1, expected: 'date', example: dateExample('en-US') });
    expect(dateExample('en-US')).toMatch(/^1\/31\/2026$/);
  });
});

describe('imported columns', () => {
  const withCity = makeContact(3, { extra: { City: 'Roma' } });
  test('a column no contact has is an error naming it, with the close one suggested', () => {
    const e = errorOf(() => checkExtraColumns({ contact: { 'extra.Ctiy': 'Roma' } }, [withCity]));
    expect(e.code).toBe('INVALID_FILTER');
    expect(e.details).toMatchObject({ field: 'contact.extra.Ctiy', header: 'Ctiy', suggestion: 'City' });
    expect(errorOf(() => checkExtraColumns({ contact: { 'extra.Zip': '1' } }, [withCity])).details.suggestion).toBe(
      undefined,
    );
    expect(() => checkExtraColumns({ contact: { 'extra.City': 'Milano' } }, [withCity])).not.toThrow();
  });

  test('matchContacts over every contact: a typo is an error, not +0', () => {
    const rel = { contactsByNo: new Map([[withCity.no, withCity]]) };
    expect(() => matchContacts({ contact: { 'extra.Ctiy': 'Roma' } }, [withCity], rel, it, true)).toThrow(/Ctiy/);
    expect(matchContacts({ contact: { 'extra.City': 'Roma' } }, [withCity], rel, it, true)).toEqual([withCity]);
  });

  test('matchContacts over some contacts (read through an index, or a segment’s): no column error, as others may have it', () => {
    const rel = { contactsByNo: new Map([[withCity.no, withCity]]) };
    expect(matchContacts({ contact: { 'extra.Fatturato': '>1000' } }, [withCity], rel, it)).toEqual([]);
  });
});
