// Linking persons to their company on import: the report names the company each person was linked to.
import { describe, expect, test } from 'vitest';
import { linkCompanies, matchExisting, resolveUnnumberedSteps, runNow } from '../../src/domain/importResolve';

const resolveUnnumbered = (...args: Parameters<typeof resolveUnnumberedSteps>) =>
  runNow(resolveUnnumberedSteps(...args));

const row = (sheetRow: number, r: { no: string; type: 'Company' | 'Person'; name: string; companyNo?: string }) => ({
  sheetRow,
  hidden: false,
  row: { ...r },
});

describe('linkCompanies', () => {
  test('a person linked by Company No. is reported with the company’s name, from the file or the workspace', () => {
    const { problems } = linkCompanies(
      [
        row(2, { no: 'K0001', type: 'Company', name: 'Beta 1 Srl', companyNo: 'K0001' }),
        row(3, { no: 'Q00005', type: 'Person', name: "Sara D'Angelo", companyNo: 'K0001' }),
        row(4, { no: 'Q00006', type: 'Person', name: 'Bruno Neri', companyNo: 'C100' }),
      ],
      [{ no: 'C100', type: 'Company', name: 'Alfa Spa' }],
    );
    expect(problems.filter((p) => p.code === 'companyLinked').map((p) => [p.row, p.params.companyName])).toEqual([
      [3, 'Beta 1 Srl'],
      [4, 'Alfa Spa'],
    ]);
  });
});

describe('matching rows without a number to stored contacts', () => {
  const r = (sheetRow: number, name: string, email: string) => ({ sheetRow, hidden: false, row: { name, email } });
  const stored = [
    { no: 'A1', name: 'Anna', email: 'info@acme.it', postCode: '' },
    { no: 'S1', name: 'Sara', email: 'sara@acme.it', postCode: '' },
  ];

  test('by e-mail and name; one row on a contact’s e-mail updates it even with a new name', () => {
    expect(resolveUnnumbered([r(2, 'ANNA ', 'Info@acme.it'), r(3, 'Sara Neri', 'sara@acme.it')], stored)).toEqual({
      matches: [
        { sheetRow: 2, no: 'A1', by: 'email' },
        { sheetRow: 3, no: 'S1', by: 'email' },
      ],
      ambiguous: [],
      sharedStored: [],
    });
  });

  test('several persons on a contact’s e-mail are not merged into it: only the one with its name is', () => {
    expect(resolveUnnumbered([r(2, 'Bruno', 'info@acme.it'), r(3, 'Anna', 'info@acme.it')], stored)).toEqual({
      matches: [{ sheetRow: 3, no: 'A1', by: 'email' }],
      ambiguous: [],
      sharedStored: [{ sheetRow: 2, email: 'info@acme.it', nos: ['A1'] }],
    });
    // With none of its name, none is merged.
    const none = resolveUnnumbered([r(2, 'Bruno', 'info@acme.it'), r(3, 'Carla', 'info@acme.it')], stored);
    expect(none.matches).toEqual([]);
    expect(none.sharedStored.map((x) => x.sheetRow)).toEqual([2, 3]);
    expect(matchExisting([r(2, 'Bruno', 'info@acme.it'), r(3, 'Carla', 'info@acme.it')], stored)).toEqual([]);
  });
});
