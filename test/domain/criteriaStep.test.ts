// Which contacts Add Contacts puts on a segment and which lines Reduce / Refine remove, without a database.
import { describe, expect, test } from 'vitest';
import type { Contact } from '../../src/domain/contact';
import {
  companyKey,
  contactLineOrder,
  selectContactsToAdd,
  selectLinesToRemove,
  type AddSelectionInput,
} from '../../src/domain/criteriaStep';
import { makeContact, makeLine, makeSegment } from '../builders';

const company = (i: number, name: string, over: Partial<Contact> = {}) =>
  makeContact(i, { type: 'Company', name, companyName: name, companyNo: `CT${String(i).padStart(5, '0')}`, ...over });
const person = (i: number, name: string, companyNo = '', companyName = '', over: Partial<Contact> = {}) =>
  makeContact(i, { type: 'Person', name, companyNo, companyName, ...over });

// Alfa (CT00001) with Anna and Marco; Beta (CT00004) with Luca; Zoe on her own.
const alfa = company(1, 'Alfa Srl');
const anna = person(2, 'Anna', 'CT00001', 'Alfa Srl');
const marco = person(3, 'Marco', 'CT00001', 'Alfa Srl');
const beta = company(4, 'Beta SpA');
const luca = person(5, 'Luca', 'CT00004', 'Beta SpA');
const zoe = person(6, 'Zoe');
const all = [alfa, anna, marco, beta, luca, zoe];
const byNo = new Map(all.map((c) => [c.no, c]));
const membersOf = (companyNo: string) => all.filter((c) => c.companyNo === companyNo);

const add = (matched: Contact[], over: Partial<AddSelectionInput> = {}) =>
  selectContactsToAdd({
    matched,
    membersOf,
    contactsByNo: byNo,
    existing: new Set(),
    options: {},
    locale: 'en-US',
    ...over,
  }).map((c) => c.name);

describe('companyKey and line order', () => {
  test('a contact is grouped by its company, or by itself without one', () => {
    expect(companyKey(anna)).toBe('CT00001');
    expect(companyKey(zoe)).toBe(zoe.no);
  });

  test('new lines go by company name, the company before its persons, then by name', () => {
    expect([zoe, luca, marco, beta, anna, alfa].sort(contactLineOrder('en-US')).map((c) => c.name)).toEqual([
      'Zoe',
      'Alfa Srl',
      'Anna',
      'Marco',
      'Beta SpA',
      'Luca',
    ]);
  });

  test('text is compared by the locale’s collation, not by code point', () => {
    const e = person(7, 'Élise');
    const f = person(8, 'Fabio');
    expect([f, e].sort(contactLineOrder('it-IT')).map((c) => c.name)).toEqual(['Élise', 'Fabio']);
  });
});

describe('selectContactsToAdd', () => {
  test('each matched contact once, in line order', () => {
    expect(add([marco, anna, marco])).toEqual(['Anna', 'Marco']);
  });

  test('a contact excluded from segments stays out unless Ignore Exclusion', () => {
    const eva = person(9, 'Eva', '', '', { excludeFromSegment: true });
    expect(add([eva, zoe])).toEqual(['Zoe']);
    expect(add([eva, zoe], { options: { ignoreExclusion: true } })).toEqual(['Eva', 'Zoe']);
  });

  test('a contact already on the segment is skipped unless Allow Existing Contacts', () => {
    expect(add([anna, zoe], { existing: new Set([anna.no]) })).toEqual(['Zoe']);
    expect(add([anna, zoe], { existing: new Set([anna.no]), options: { allowExistingContacts: true } })).toEqual([
      'Zoe',
      'Anna',
    ]);
  });

  test('Expand Companies puts the whole company on: the company and every person', () => {
    expect(add([anna], { options: { expandCompanies: true } })).toEqual(['Alfa Srl', 'Anna', 'Marco']);
  });

  test('Allow Related Companies adds a matched person’s company, not its other persons', () => {
    expect(add([luca], { options: { allowRelatedCompanies: true } })).toEqual(['Beta SpA', 'Luca']);
    expect(add([zoe], { options: { allowRelatedCompanies: true } })).toEqual(['Zoe']);
  });
});

describe('selectLinesToRemove', () => {
  const seg = makeSegment('S1', 'SEG00001');
  const lines = [anna, marco, luca, zoe].map((c, i) => makeLine(seg, i + 1, c.no, { contactCompanyNo: c.companyNo }));
  const blank = makeLine(seg, 9, '');
  const remove = (
    kind: 'Remove Contacts (Reduce)' | 'Remove Contacts (Refine)',
    matched: Contact[],
    entireCompanies = false,
    from = lines,
  ) =>
    selectLinesToRemove({
      kind,
      lines: from,
      matched: new Set(matched.map((c) => c.no)),
      contactsByNo: byNo,
      entireCompanies,
    }).map((l) => l.contactNo);

  test('Reduce removes the lines whose contact matches, Refine those whose contact does not', () => {
    expect(remove('Remove Contacts (Reduce)', [anna, zoe])).toEqual([anna.no, zoe.no]);
    expect(remove('Remove Contacts (Refine)', [anna, zoe])).toEqual([marco.no, luca.no]);
  });

  test('Entire Companies judges whole companies: one matching contact takes its company’s lines', () => {
    expect(remove('Remove Contacts (Reduce)', [anna], true)).toEqual([anna.no, marco.no]);
    expect(remove('Remove Contacts (Refine)', [alfa], true)).toEqual([luca.no, zoe.no]);
  });

  test('a line without a contact never matches: Reduce keeps it, Refine removes it', () => {
    expect(remove('Remove Contacts (Reduce)', all, false, [...lines, blank])).toEqual([
      anna.no,
      marco.no,
      luca.no,
      zoe.no,
    ]);
    expect(remove('Remove Contacts (Refine)', all, false, [...lines, blank])).toEqual(['']);
  });
});
