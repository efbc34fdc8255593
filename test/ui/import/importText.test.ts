import { describe, expect, test } from 'vitest';
import { mappableFields } from '../../../src/domain/columnMapping';
import { fieldCaption } from '../../../src/ui/common/errorText';
import { excelErrorText, problemText, targetFieldCaption } from '../../../src/ui/import/importText';
import { problem, type ProblemCode } from '../../../src/domain/importProblems';
import { decodeCsvBytes } from '../../../src/domain/csv';
import { excelMessages } from '../../../src/ui/import/messages';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import { makeTranslate } from '../../../src/ui/common/i18n';

const en = makeTranslate([...paneCatalogs, excelMessages], 'en');
const it = makeTranslate([...paneCatalogs, excelMessages], 'it');

describe('mapping targets', () => {
  test('every contact field a column can fill has a caption in both languages', () => {
    for (const f of mappableFields) {
      expect(fieldCaption(en, f), f).not.toBe(f);
      expect(fieldCaption(it, f), f).not.toBe(f);
    }
  });

  test('the code list fields say how their codes are separated, with BC’s captions', () => {
    expect(targetFieldCaption(en, 'mailingGroups')).toBe('Mailing Groups (codes separated by ; or ,)');
    expect(targetFieldCaption(it, 'businessRelations')).toBe('Relazioni d’affari (codici separati da ; o ,)');
    expect(targetFieldCaption(it, 'jobResponsibilities')).toBe('Ruoli professionali (codici separati da ; o ,)');
    expect(targetFieldCaption(en, 'industryGroups')).toBe('Industry Groups (codes separated by ; or ,)');
    expect(targetFieldCaption(en, 'postCode')).toBe('Post Code');
  });
});

describe('import problems in the user’s language', () => {
  const codes: ProblemCode[] = [
    'unknownCountry',
    'unknownCode',
    'companyLinked',
    'companyNotFound',
    'companyNoNotFound',
    'companyAmbiguous',
    'companyCreated',
    'matchedExisting',
  ];
  test.each(codes)('%s has words in both languages', (code) => {
    const p = problem(
      'warning',
      code,
      { row: 7, column: 'C', header: 'X' },
      {
        value: 'Svizzera',
        code: 'ZZ',
        list: 'Salesperson Code',
        listName: 'salespeople',
        companyNo: 'C1',
        companyName: 'Rossi',
        by: 'Company Name',
        nos: 'C1, C2',
        no: 'P1',
        byKey: 'email',
      },
    );
    expect(problemText(en, p)).toMatch(/^Row 7/);
    expect(problemText(it, p)).toMatch(/^Riga 7/);
    expect(problemText(it, p)).not.toMatch(/\{\w+\}|Salesperson|Company Name|e-mail address/);
  });

  test('a reason by its key, in Italian, and the value left out said so', () => {
    const p = problem(
      'warning',
      'invalidValue',
      { row: 4, column: 'B', header: 'Country' },
      { reason: 'is longer than 10 characters', reasonKey: 'tooLong', max: 10, dropped: 1 },
    );
    expect(problemText(en, p)).toBe(
      'Row 4, column B (Country): is longer than 10 characters. The row was imported without this value.',
    );
    expect(problemText(it, p)).toBe(
      'Riga 4, colonna B (Country): supera 10 caratteri. La riga è stata importata senza questo valore.',
    );
    const name = problem(
      'error',
      'rejectedByStore',
      { row: 9 },
      { reason: 'name: is required for a new contact', reasonKey: 'nameRequired' },
    );
    expect(problemText(it, name)).toBe('Riga 9: un nuovo contatto richiede un nome (di persona o di società)');
  });

  test('an unknown code names its list with BC’s caption and what happened', () => {
    const p = problem(
      'warning',
      'unknownCode',
      { row: 3, column: 'F', header: 'Agente' },
      { list: 'Salesperson Code', listName: 'salespeople', code: 'XX', dropped: 1 },
    );
    expect(problemText(it, p)).toBe(
      'Riga 3, colonna F (Agente): Cod. agente XX non esiste. La riga è stata importata senza questo valore.',
    );
    const linked = problem(
      'info',
      'companyLinked',
      { row: 5 },
      { companyNo: 'C00010', companyName: 'Rossi SpA', by: 'Company Name' },
    );
    expect(problemText(it, linked)).toBe('Riga 5: collegata alla società C00010 Rossi SpA tramite Nome società.');
  });

  test('a CSV that is not UTF-8 names the line, in Italian', () => {
    const bytes = new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0xff]);
    let err: unknown;
    try {
      decodeCsvBytes(bytes);
    } catch (e) {
      err = e;
    }
    expect(excelErrorText(it, err)).toMatch(/^Il file non è testo UTF-8: la riga 3 /);
    expect(excelErrorText(en, err)).not.toMatch(/offset|byte/);
  });
});
