// Every recorded action has its caption in both languages: a failed action in the sync status names what
// the user did ("Load the sample workspace"), never the action's internal name.
import { describe, expect, test } from 'vitest';
import { allActionNames } from '../../../src/domain/actionNames';
import { makeTranslate } from '../../../src/ui/common/i18n';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import { syncActionText, syncReasonText } from '../../../src/ui/shell/syncText';
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

  test("a refusal the pane has no words for is said in the user's words, the server's text kept as detail", () => {
    const message = 'POST /push: 400 segmentLines.id may hold only letters, digits, _ and -';
    const text = syncReasonText(t, { code: 'HTTP_400', message });
    expect(text.startsWith(t('sync.refusedByServer'))).toBe(true);
    expect(text).toContain(message);
  });
});
