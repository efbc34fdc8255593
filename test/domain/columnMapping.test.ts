import {
  effectiveMapping,
  fieldForHeader,
  mappingIssues,
  mappingKey,
  nameMappingIssue,
  normalizeHeader,
  restoreMapping,
  suggestMapping,
  toSavedMapping,
  type MappableField,
} from '../../src/domain/columnMapping';

describe('header names', () => {
  test.each<[string, MappableField]>([
    ['No.', 'no'],
    ['Nr.', 'no'],
    ['N.', 'no'],
    ['nr', 'no'],
    ['Name', 'name'],
    ['Nome', 'name'],
    ['NOME', 'name'],
    ['Company Name', 'companyName'],
    ['Nome società', 'companyName'],
    ['nome societa', 'companyName'],
    ['E-Mail', 'email'],
    ['e mail', 'email'],
    ['EMAIL', 'email'],
    ['Post Code', 'postCode'],
    ['CAP', 'postCode'],
    ['City', 'city'],
    ['Città', 'city'],
    ['CITTA', 'city'],
    ['Country/Region Code', 'countryRegionCode'],
    ['Cod. paese/area', 'countryRegionCode'],
    ['Salesperson Code', 'salespersonCode'],
    ['Cod. agente', 'salespersonCode'],
    ['Language Code', 'languageCode'],
    ['Codice lingua', 'languageCode'],
    ['Type', 'type'],
    ['Tipo', 'type'],
    ['Exclude from Segment', 'excludeFromSegment'],
    ['Mailing Groups', 'mailingGroups'],
    ['Gruppi mailing', 'mailingGroups'],
    ['  Phone No. ', 'phoneNo'],
  ])('%s → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  test('normalising ignores case, accents, spaces and punctuation', () => {
    expect(normalizeHeader(' Città-di/Castello. ')).toBe('cittadicastello');
  });

  test('unknown headers become extra fields under their header; blank headers are ignored', () => {
    const m = suggestMapping(['No.', 'Fatturato 2025', '', 'Nome']);
    expect(m.columns.map((c) => c.target)).toEqual([
      { kind: 'field', field: 'no' },
      { kind: 'extra', name: 'Fatturato 2025' },
      { kind: 'ignore' },
      { kind: 'field', field: 'name' },
    ]);
  });
});

describe('conflicts', () => {
  test('duplicate headers are reported and the later column is ignored', () => {
    const m = suggestMapping(['E-Mail', 'Name', 'Email', 'Note', 'note']);
    expect(mappingIssues(m)).toEqual([
      { code: 'duplicateHeader', header: 'Email', index: 2, firstIndex: 0 },
      { code: 'duplicateField', field: 'email', index: 2, firstIndex: 0 },
      { code: 'duplicateHeader', header: 'note', index: 4, firstIndex: 3 },
      { code: 'duplicateExtra', name: 'note', index: 4, firstIndex: 3 },
    ]);
    expect(effectiveMapping(m).columns.map((c) => c.target.kind)).toEqual([
      'field',
      'field',
      'ignore',
      'extra',
      'ignore',
    ]);
  });

  test('blank headers are reported', () => {
    expect(mappingIssues(suggestMapping(['No.', ' ']))).toEqual([{ code: 'blankHeader', index: 1 }]);
  });
});

describe('remembered mappings', () => {
  test("the user's corrections come back for the same headers", () => {
    const m = suggestMapping(['No.', 'Ragione', 'Zona']);
    m.columns[1].target = { kind: 'field', field: 'companyName' };
    m.columns[2].target = { kind: 'ignore' };
    const saved = JSON.parse(JSON.stringify(toSavedMapping(m)));
    expect(restoreMapping(['No.', 'Ragione', 'Zona', 'City'], saved).columns.map((c) => c.target)).toEqual([
      { kind: 'field', field: 'no' },
      { kind: 'field', field: 'companyName' },
      { kind: 'ignore' },
      { kind: 'field', field: 'city' },
    ]);
  });

  test.each([
    undefined,
    null,
    42,
    { version: 2, columns: [] },
    { version: 1, columns: [{ header: 'No.', target: { kind: 'field', field: 'password' } }] },
  ])('a malformed saved mapping (%j) is ignored', (saved) => {
    expect(restoreMapping(['No.', 'X'], saved)).toEqual(suggestMapping(['No.', 'X']));
  });

  test('keys: a table by its name, otherwise the sheet', () => {
    expect(mappingKey({ workbook: 'a.xlsx', sheet: 'S', table: 'T' })).toBe('table:a.xlsx:T');
    expect(mappingKey({ workbook: 'a.xlsx', sheet: 'S' })).toBe('sheet:a.xlsx:S');
    expect(mappingKey({ file: 'customers.csv' })).toBe('file:customers.csv');
  });
});

describe('a mapping without a name', () => {
  test('no column fills Name or Company Name: said, and whether a row can still update a contact by its No. or e-mail', () => {
    // The walk's file: a number and an e-mail, no name. Only rows that update an existing contact can go in.
    expect(nameMappingIssue(suggestMapping(['Nr.', 'Città', 'E-mail', 'Fatturato']))).toBe('noName');
    expect(nameMappingIssue(suggestMapping(['E-mail', 'Città']))).toBe('noName');
    // Nothing that can point at an existing contact: every row would be a new contact without a name.
    expect(nameMappingIssue(suggestMapping(['Città', 'Fatturato']))).toBe('noNameNoKey');
    expect(nameMappingIssue(suggestMapping(['Name', 'City']))).toBeUndefined();
    // A company name is the name of a company row.
    expect(nameMappingIssue(suggestMapping(['Company Name', 'City']))).toBeUndefined();
  });

  test('a Name column set to not imported counts as no Name column', () => {
    const m = suggestMapping(['No.', 'Name']);
    const ignored = {
      columns: m.columns.map((c) => (c.header === 'Name' ? { ...c, target: { kind: 'ignore' as const } } : c)),
    };
    expect(nameMappingIssue(ignored)).toBe('noName');
  });
});
