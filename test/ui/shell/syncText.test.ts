// Every recorded action has its caption in both languages: a failed action in the sync status names what
// the user did ("Load the sample workspace"), never the action's internal name.
import { describe, expect, test } from 'vitest';
import { allActionNames } from '../../../src/domain/actionNames';
import { makeTranslate } from '../../../src/ui/common/i18n';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import { syncActionText, syncFieldCaption, syncReasonText } from '../../../src/ui/shell/syncText';
import { segmentHeaderInputSchema, segmentLineInputSchema } from '../../../src/domain/segment';
import { setupSchema } from '../../../src/domain/setup';
import {
  codeDescriptionFieldsSchema,
  languageFieldsSchema,
  salespersonFieldsSchema,
  territoryFieldsSchema,
} from '../../../src/domain/codes';
import { interactionTemplateFieldsSchema } from '../../../src/domain/interaction';
import { excelMessages } from '../../../src/ui/import/messages';
import { wordMessages } from '../../../src/ui/mailMerge/messages';

const catalogs = [...paneCatalogs, excelMessages, wordMessages];

describe.each(['en', 'it'] as const)('in %s', (language) => {
  const t = makeTranslate(catalogs, language);
  test.each(allActionNames)('%s has its caption', (name) => {
    const text = syncActionText(t, { name, args: ['X1'], about: 'X1' });
    expect(text).not.toBe(t('sync.action.unknown', { name }));
    expect(text).not.toContain(name);
    expect(text).not.toMatch(/\{\w+\}/);
  });

  // A value another user replaced is told by its field's caption: every field a user sets on the records
  // whose values are watched (a segment's header and lines, Setup, code lists and templates).
  test.each(
    Object.entries({
      header: segmentHeaderInputSchema,
      line: segmentLineInputSchema,
      setup: setupSchema,
      codeDescription: codeDescriptionFieldsSchema,
      language: languageFieldsSchema,
      salesperson: salespersonFieldsSchema,
      territory: territoryFieldsSchema,
      template: interactionTemplateFieldsSchema,
    }),
  )('every field of a %s has its caption', (_record, schema) => {
    const fields = Object.keys((schema as { shape: object }).shape).filter(
      (f) => !['id', 'createdAt', 'updatedAt'].includes(f),
    );
    const uncaptioned = fields.filter((f) => syncFieldCaption(t, f) === f || /^\w+\.\w+/.test(syncFieldCaption(t, f)));
    expect(uncaptioned).toEqual([]);
  });

  test("code lists' actions name the record and its code, or how many codes", () => {
    const upsert = (rows: unknown[], opts?: unknown) =>
      syncActionText(t, { name: 'mailingGroups.upsert', args: opts ? [rows, opts] : [rows] });
    const words =
      language === 'en'
        ? [
            'Change Mailing Group VIP',
            'Create Mailing Group VIP',
            'Change 2 codes in Mailing Groups',
            'Delete Mailing Group VIP',
          ]
        : [
            'Modifica Gruppo mailing VIP',
            'Crea Gruppo mailing VIP',
            'Modifica 2 codici in Gruppi mailing',
            'Elimina Gruppo mailing VIP',
          ];
    expect([
      upsert([{ code: 'VIP' }]),
      upsert([{ code: 'VIP' }], { insertOnly: true }),
      upsert([{ code: 'VIP' }, { code: 'NEWS' }]),
      syncActionText(t, { name: 'mailingGroups.remove', args: ['VIP'] }),
    ]).toEqual(words);
  });

  test("a refusal the pane has no words for is said in the user's words, the server's text kept as detail", () => {
    const message = 'POST /push: 400 segmentLines.id may hold only letters, digits, _ and -';
    const text = syncReasonText(t, { code: 'HTTP_400', message });
    expect(text.startsWith(t('sync.refusedByServer'))).toBe(true);
    expect(text).toContain(message);
  });
});
