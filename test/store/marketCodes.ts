// Code list records the seeded test workspace (helpers.ts) and the frozen databases
// (scripts/freeze-db-fixture.ts) both hold.
export const marketLanguages = [
  { code: 'ITA', name: 'Italiano', locale: 'it-IT' },
  { code: 'ENU', name: 'English', locale: 'en-US' },
];

/** The ABSTRACT letter template's fields both set; each adds its own correspondence, language and letters. */
export const abstractTemplateBase = {
  code: 'ABSTRACT',
  description: 'Abstract letter',
  interactionGroupCode: 'LETTER',
  unitCost: 2.5,
  unitDuration: 10,
  informationFlow: 'Outbound',
  initiatedBy: 'Us',
} as const;
