// A changeset the team server refused for the user's role shows as a failed action whose reason is said in
// the user's words, English and Italian, from the rule the server applied (server/roles.ts); a rule the
// pane does not know is shown with the server's words.
import { describe, expect, test } from 'vitest';
import { forbiddenChange } from '../../../src/server/roles';
import { makeTranslate } from '../../../src/ui/common/i18n';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import { syncReasonText } from '../../../src/ui/shell/syncText';

const en = makeTranslate(paneCatalogs, 'en');
const it = makeTranslate(paneCatalogs, 'it');
const member = { userId: 'anna', role: 'member' as const };

/** The failed action as the sync client sets it aside: the server's reason, `forbidden: <rule>`. */
function failed(rule: string | undefined) {
  expect(rule).toBeDefined();
  return { code: 'INVALID_INPUT', message: `forbidden: ${rule}` };
}

describe('a refused change in the user words', () => {
  test.each([
    [
      'Setup',
      forbiddenChange(
        member,
        { table: 'setup', id: 'setup', op: 'put', baseRev: 1, value: { locale: 'it-IT' } },
        { locale: 'en-US' },
      ),
      'Only an administrator can change Setup.',
      'Solo un amministratore può modificare il setup.',
    ],
    [
      'a number series moved back',
      forbiddenChange(
        member,
        { table: 'series', id: 'segment', op: 'put', baseRev: 1, value: { lastNo: 'SEG00001' } },
        { lastNo: 'SEG00010' },
      ),
      'Only an administrator can move the number series segment back.',
      'Solo un amministratore può riportare indietro il numero di serie segment.',
    ],
    [
      'a code deleted',
      forbiddenChange(member, { table: 'mailingGroups', id: 'M1', op: 'delete', baseRev: 1 }, { code: 'XMAS' }),
      'Only an administrator can delete the code XMAS.',
      'Solo un amministratore può eliminare il codice XMAS.',
    ],
    [
      'a code renamed',
      forbiddenChange(
        member,
        { table: 'mailingGroups', id: 'M1', op: 'put', baseRev: 1, value: { code: 'NATALE' } },
        { code: 'XMAS' },
      ),
      'Only an administrator can rename the code XMAS to NATALE.',
      'Solo un amministratore può rinominare il codice XMAS in NATALE.',
    ],
    [
      'a logged segment deleted',
      forbiddenChange(
        member,
        { table: 'loggedSegments', id: 'L1', op: 'delete', baseRev: 1 },
        { entryNo: 3, userId: 'anna' },
      ),
      'Only an administrator can delete logged segment 3.',
      'Solo un amministratore può eliminare il segmento registrato 3.',
    ],
    [
      'an entry deleted',
      forbiddenChange(
        member,
        { table: 'interactionLog', id: 'E1', op: 'delete', baseRev: 1 },
        { entryNo: 12, userId: 'anna' },
      ),
      'Only an administrator can delete interaction log entry 12.',
      'Solo un amministratore può eliminare il movimento log interazione 12.',
    ],
    [
      "another user's logged segment",
      forbiddenChange(
        member,
        {
          table: 'loggedSegments',
          id: 'L1',
          op: 'put',
          baseRev: 1,
          value: { entryNo: 3, userId: 'bob', canceled: true },
        },
        { entryNo: 3, userId: 'bob', canceled: false },
      ),
      'Logged segment 3 belongs to bob: only an administrator can change it.',
      'Il segmento registrato 3 appartiene a bob: solo un amministratore può modificarlo.',
    ],
    [
      "another user's entry and its letter",
      forbiddenChange(
        member,
        {
          table: 'interactionLog',
          id: 'E1',
          op: 'put',
          baseRev: 1,
          value: { entryNo: 12, userId: 'bob', letter: '<w:p/>' },
        },
        { entryNo: 12, userId: 'bob', letter: '' },
      ),
      'Interaction log entry 12 belongs to bob: only an administrator can change it.',
      'Il movimento log interazione 12 appartiene a bob: solo un amministratore può modificarlo.',
    ],
  ])('%s', (_, rule, english, italian) => {
    expect(syncReasonText(en, failed(rule))).toBe(english);
    expect(syncReasonText(it, failed(rule))).toBe(italian);
  });

  test('a rule the pane does not know: the server words, introduced in the user language', () => {
    expect(syncReasonText(it, failed('only an administrator may do something new'))).toBe(
      'Il ruolo non consente questa modifica: only an administrator may do something new',
    );
  });

  test('other refusals are said as before', () => {
    expect(syncReasonText(en, { code: 'INVALID_INPUT', message: 'bad value' })).toBe('A value is not valid: bad value');
  });
});
