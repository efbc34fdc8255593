// Linking persons to their company on import: the report names the company each person was linked to.
import { describe, expect, test } from 'vitest';
import { linkCompanies } from '../../src/domain/importResolve';

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
