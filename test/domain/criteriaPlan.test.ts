// The plan of a criteria step (the lines it adds or removes), without a database: preview shows it,
// apply writes it.
import { describe, expect, test } from 'vitest';
import type { Contact } from '../../src/domain/contact';
import { lastLineNoOf, matchContacts, planCriteriaStep, type CriteriaPlanInput } from '../../src/domain/criteriaPlan';
import { makeContact, makeLine, makeSegment, makeTemplate } from '../builders';

const fctx = { locale: 'en-US', today: '2026-03-02' };
const header = makeSegment('S1', 'SEG00001', {
  interactionTemplateCode: 'MEMO',
  unitCost: 2.5,
  correspondenceTypeDefault: 'Email',
});
const template = makeTemplate('MEMO', { correspondenceTypeDefault: 'Email', ignoreContactCorresType: true });
const alfa = makeContact(1, {
  type: 'Company',
  name: 'Alfa Srl',
  companyName: 'Alfa Srl',
  companyNo: 'CT00001',
  city: 'Roma',
});
const anna = makeContact(2, { name: 'Anna', companyNo: 'CT00001', companyName: 'Alfa Srl', city: 'Roma' });
const zoe = makeContact(3, { name: 'Zoe', companyName: '', city: 'Torino' });
const byNo = new Map<string, Contact>([alfa, anna, zoe].map((c) => [c.no, c]));

function plan(over: Partial<CriteriaPlanInput>) {
  let n = 0;
  return planCriteriaStep({
    step: { kind: 'Add Contacts', filters: {}, options: {} },
    header,
    lines: [],
    matched: [],
    contactsByNo: byNo,
    locale: 'en-US',
    template,
    actionNo: 3,
    lineFactory: { stamp: '2026-03-02T09:30:00.000Z', newId: () => `ID${++n}` },
    ...over,
  });
}

describe('matchContacts', () => {
  test('the contacts of the pool the filters match, in the pool’s order', () => {
    expect(
      matchContacts({ contact: { city: 'Roma' } }, [zoe, anna, alfa], { contactsByNo: byNo }, fctx).map((c) => c.no),
    ).toEqual([anna.no, alfa.no]);
  });
});

describe('planCriteriaStep', () => {
  test('Add Contacts: new lines after the last one, ids from the factory, values from the header and template, the step’s number', () => {
    const existing = makeLine(header, 4, zoe.no);
    const p = plan({ lines: [existing], matched: [anna, zoe, alfa] });
    expect(p.remove).toEqual([]);
    expect(p.emptiesSegment).toBe(false);
    expect(
      p.add.map((l) => [
        l.id,
        l.lineNo,
        l.contactNo,
        l.contactCompanyNo,
        l.addedByAction,
        l.cost,
        l.correspondenceType,
        l.createdAt,
      ]),
    ).toEqual([
      ['ID1', 50000, alfa.no, alfa.companyNo, 3, 2.5, 'Email', '2026-03-02T09:30:00.000Z'],
      ['ID2', 60000, anna.no, 'CT00001', 3, 2.5, 'Email', '2026-03-02T09:30:00.000Z'],
    ]);
    expect(lastLineNoOf([existing, ...p.add])).toBe(60000);
  });

  test('Add Contacts with Expand Companies takes the company’s members the store read', () => {
    const marco = makeContact(4, { name: 'Marco', companyNo: 'CT00001', companyName: 'Alfa Srl' });
    const p = plan({
      matched: [anna],
      membersOf: (no) => (no === 'CT00001' ? [alfa, anna, marco] : []),
      step: { kind: 'Add Contacts', filters: {}, options: { expandCompanies: true } },
    });
    expect(p.add.map((l) => l.contactNo)).toEqual([alfa.no, anna.no, marco.no]);
  });

  test('Reduce removes the matched lines; removing every line says the segment empties', () => {
    const lines = [makeLine(header, 1, anna.no), makeLine(header, 2, zoe.no)];
    const reduce = plan({
      lines,
      matched: [anna],
      step: { kind: 'Remove Contacts (Reduce)', filters: {}, options: {} },
    });
    expect(reduce).toMatchObject({ add: [], emptiesSegment: false });
    expect(reduce.remove.map((l) => l.contactNo)).toEqual([anna.no]);
    const refine = plan({ lines, matched: [], step: { kind: 'Remove Contacts (Refine)', filters: {}, options: {} } });
    expect(refine.remove.map((l) => l.contactNo)).toEqual([anna.no, zoe.no]);
    expect(refine.emptiesSegment).toBe(true);
    expect(
      plan({ lines: [], matched: [], step: { kind: 'Remove Contacts (Refine)', filters: {}, options: {} } })
        .emptiesSegment,
    ).toBe(false);
  });

  test('the plan is pure: planned twice from the same input, the same lines', () => {
    const input = { lines: [makeLine(header, 1, zoe.no)], matched: [anna, alfa] };
    expect(plan(input)).toEqual(plan(input));
  });
});
