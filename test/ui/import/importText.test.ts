import { describe, expect, test } from 'vitest';
import { mappableFields } from '../../../src/domain/columnMapping';
import { fieldCaption } from '../../../src/ui/common/errorText';
import { excelErrorText, problemText, targetFieldCaption } from '../../../src/ui/import/importText';
import { problem, shortValue, type ProblemCode } from '../../../src/domain/importProblems';
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
    'codeCreated',
    'unreadNumbers',
    'unreadDates',
    'emailSharedInFile',
    'emailSharedStored',
    'emailAmbiguous',
    'duplicateEmail',
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
        email: 'info@acme.it',
        name: 'Anna',
        winner: 9,
        rows: '2–3',
        count: 2,
        expected: '1.234,56',
      },
    );
    if (code === 'unreadNumbers' || code === 'unreadDates') {
      expect(problemText(en, p)).toMatch(/^Column C \(X\): .* row 7/);
      expect(problemText(it, p)).toMatch(/^Colonna C \(X\): .* riga 7/);
    } else if (code === 'codeCreated') {
      expect(problemText(en, p)).toMatch(/^Salesperson Code ZZ/);
      expect(problemText(it, p)).toMatch(/^Cod\. agente ZZ/);
    } else {
      expect(problemText(en, p)).toMatch(/^Row 7/);
      expect(problemText(it, p)).toMatch(/^Riga 7/);
    }
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
    expect(problemText(it, name)).toBe(
      'Riga 9: un nuovo contatto richiede un nome (di persona o di società). La riga non è stata importata.',
    );
  });

  test('an error says that its row was not imported, and quotes the value, shortened when long', () => {
    const long = problem(
      'error',
      'invalidValue',
      { row: 9, column: 'C', header: 'Nome' },
      {
        reason: 'is longer than 100 characters',
        reasonKey: 'tooLong',
        max: 100,
        value: shortValue('Società '.repeat(13)),
      },
    );
    expect(problemText(it, long)).toBe(
      'Riga 9, colonna C (Nome): "Società Società Società Societ…" supera 100 caratteri. La riga non è stata importata.',
    );
    expect(problemText(en, long)).toBe(
      'Row 9, column C (Nome): "Società Società Società Societ…" is longer than 100 characters. The row was not imported.',
    );
    expect(long.message).toBe(problemText(en, long));
    // Without a value (a blank cell that is required), nothing is quoted.
    const blank = problem(
      'error',
      'invalidValue',
      { row: 3, column: 'A', header: 'No.' },
      { reason: 'is required', reasonKey: 'required', value: '' },
    );
    expect(problemText(en, blank)).toBe('Row 3, column A (No.): is required. The row was not imported.');
    const twice = problem('error', 'duplicateNo', { row: 2 }, { no: 'CT1', winner: 5 });
    expect(problemText(en, twice)).toBe(
      'Row 2: contact CT1 appears again in row 5; row 5 wins. The row was not imported.',
    );
    expect(problemText(it, twice)).toBe(
      'Riga 2: il contatto CT1 compare di nuovo nella riga 5; vale la riga 5. La riga non è stata importata.',
    );
    // A warning's row was imported: it says so only when a value was left out.
    const warned = problem('warning', 'companyNotFound', { row: 4 }, { companyName: 'Acme' });
    expect(problemText(en, warned)).not.toMatch(/not imported/);
  });

  test('persons sharing an e-mail: told of the other rows, or of the stored contacts, singular for one', () => {
    const inFile = problem('info', 'emailSharedInFile', { row: 6 }, { email: 'nonum@acme.it', rows: '7', count: 1 });
    expect(problemText(en, inFile)).toBe(
      'Row 6: e-mail nonum@acme.it is also given for another name (row 7); each row is imported as its own contact, sharing the e-mail.',
    );
    expect(problemText(it, inFile)).toBe(
      'Riga 6: l’e-mail nonum@acme.it è indicata anche per un altro nome (riga 7); ogni riga viene importata come contatto a sé, con la stessa e-mail.',
    );
    const one = problem('warning', 'emailSharedStored', { row: 2 }, { email: 'info@acme.it', nos: 'A1', count: 1 });
    expect(problemText(it, one)).toBe(
      'Riga 2: l’e-mail info@acme.it è anche l’e-mail del contatto A1, che ha un altro nome; la riga viene importata come nuovo contatto con la stessa e-mail. Per aggiornare quel contatto, indicare il numero contatto nella riga.',
    );
    const two = problem('warning', 'emailSharedStored', { row: 2 }, { email: 'info@acme.it', nos: 'A1, A2', count: 2 });
    expect(problemText(en, two)).toBe(two.message);
    expect(problemText(en, two)).toBe(
      'Row 2: e-mail info@acme.it is also the e-mail of contacts A1, A2, which have other names; the row is imported as a new contact sharing the e-mail. To update one of them instead, give the row its contact number.',
    );
  });

  test('a value is quoted on one line and shortened to 30 characters', () => {
    expect(shortValue('Via Roma 1\nScala B')).toBe('Via Roma 1 / Scala B');
    expect(shortValue('x'.repeat(30))).toBe('x'.repeat(30));
    expect(shortValue('x'.repeat(31))).toBe(`${'x'.repeat(30)}…`);
    expect(shortValue(undefined)).toBe('');
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
    expect(problemText(it, linked)).toBe('Riga 5: collegata tramite Nome società alla società C00010 "Rossi SpA".');
  });

  test('a code the user chose to create is reported as created, once, with its rows (singular for one row)', () => {
    const one = problem(
      'info',
      'codeCreated',
      { column: 'C', header: 'Agente' },
      { list: 'Salesperson Code', listName: 'salespeople', code: 'XX', rows: '2', count: 1 },
    );
    expect(problemText(en, one)).toBe('Salesperson Code XX created (row 2).');
    expect(problemText(it, one)).toBe('Cod. agente XX creato (riga 2).');
    const two = problem(
      'info',
      'codeCreated',
      { column: 'D', header: 'Gruppi mailing' },
      { list: 'Mailing Group Code', listName: 'mailingGroups', code: 'PROMO', rows: '3, 5', count: 2 },
    );
    expect(problemText(en, two)).toBe('Mailing Group Code PROMO created (rows 3, 5).');
    expect(problemText(it, two)).toBe('Cod. gruppo mailing PROMO creato (righe 3, 5).');
  });

  test('a link by Company No. or by a name ending in a full stop has no double full stop', () => {
    for (const [by, companyName] of [
      ['Company No.', 'Rossi SpA'],
      ['Company Name', 'Verdi S.r.l.'],
    ]) {
      const p = problem('info', 'companyLinked', { row: 5 }, { companyNo: 'C100', companyName, by });
      for (const text of [problemText(en, p), problemText(it, p), p.message]) expect(text).not.toMatch(/\.\./);
    }
    const byNo = problem(
      'info',
      'companyLinked',
      { row: 5 },
      { companyNo: 'C100', companyName: 'Rossi', by: 'Company No.' },
    );
    expect(problemText(en, byNo)).toBe('Row 5: linked by its Company No. to company C100 "Rossi".');
    expect(problemText(it, byNo)).toBe('Riga 5: collegata tramite Nr. società alla società C100 "Rossi".');
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

describe('counts in the words: singular for one', () => {
  const cases: [string, Record<string, string | number>, string, string][] = [
    ['csv.rows', { n: '1' }, '1 row', '1 riga'],
    ['csv.rows', { n: '3' }, '3 rows', '3 righe'],
    ['csv.import', { n: '1' }, 'Import 1 contact', 'Importa 1 contatto'],
    ['csv.import', { n: '2' }, 'Import 2 contacts', 'Importa 2 contatti'],
    [
      'csv.done',
      { inserted: '1', updated: '1', rejected: '1' },
      '1 contact inserted, 1 updated, 1 rejected.',
      '1 contatto inserito, 1 aggiornato, 1 rifiutato.',
    ],
    [
      'csv.done',
      { inserted: '2', updated: '0', rejected: '3' },
      '2 contacts inserted, 0 updated, 3 rejected.',
      '2 contatti inseriti, 0 aggiornati, 3 rifiutati.',
    ],
    [
      'excel.result',
      { inserted: '1', updated: '1', warned: '1', rejected: '1' },
      '1 new, 1 updated, 1 with warnings, 1 row not imported.',
      '1 nuovo, 1 aggiornato, 1 con avvisi, 1 riga non importata.',
    ],
    [
      'excel.result',
      { inserted: '2', updated: '0', warned: '3', rejected: '4' },
      '2 new, 0 updated, 3 with warnings, 4 rows not imported.',
      '2 nuovi, 0 aggiornati, 3 con avvisi, 4 righe non importate.',
    ],
    ['excel.import', { n: '1' }, 'Import 1 row', 'Importa 1 riga'],
    ['excel.read.summary', { rows: '1', address: 'A1:B2' }, '1 row read from A1:B2', '1 riga letta da A1:B2'],
    [
      'excel.result.generated',
      { n: '1' },
      '1 row had no contact number and was numbered from the contact series.',
      '1 riga non aveva il numero contatto ed è stata numerata dalla serie dei contatti.',
    ],
    [
      'excel.addToSegment',
      { n: '1', no: 'S1' },
      'Add the contact to segment S1',
      'Aggiungi il contatto al segmento S1',
    ],
    [
      'excel.addedToSegment',
      { n: '1', no: 'S1' },
      '1 contact added to segment S1.',
      '1 contatto aggiunto al segmento S1.',
    ],
    [
      'excel.writeNos',
      { n: '1' },
      'Write the new number into a new column of the sheet',
      'Scrivi il nuovo numero in una colonna nuova',
    ],
    [
      'excel.exported',
      { n: '1', sheet: 'S', table: 'T' },
      '1 row written to the sheet "S" as table T.',
      '1 riga scritta nel foglio "S" come tabella T.',
    ],
  ];
  test.each(cases)('%s %j', (key, vars, english, italian) => {
    expect(en(key, vars)).toBe(english);
    expect(it(key, vars)).toBe(italian);
  });
});
