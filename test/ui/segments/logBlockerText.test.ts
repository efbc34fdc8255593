// The Log pre-flight's blockers in the user's words (the Log dialog words each blocker as the error Log
// would throw): what to do, never the developer's message.
import { describe, expect, test } from 'vitest';
import { SegmentsError } from '../../../src/domain/errors';
import { errorText } from '../../../src/ui/common/errorText';
import { makeTranslate } from '../../../src/ui/common/i18n';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';

const en = makeTranslate(paneCatalogs, 'en');
const it = makeTranslate(paneCatalogs, 'it');

describe('Log blockers', () => {
  test('no User ID in My profile says where to fill it in', () => {
    const e = new SegmentsError('USER_ID_REQUIRED', 'dev text', { field: 'userId' });
    expect(errorText(en, e)).toBe(
      'Fill in User ID in My profile (menu ☰): every interaction log entry records the user who logged it.',
    );
    expect(errorText(it, e)).toBe(
      'Compilare ID utente in Il mio profilo (menu ☰): ogni movimento log interazione registra l\u2019utente che lo ha registrato.',
    );
  });

  test('a line whose salesperson was removed names the line and the field', () => {
    const e = new SegmentsError('LINE_CODE_NOT_FOUND', 'dev text', {
      lineNo: 20000,
      contactNo: 'Q00471',
      field: 'salespersonCode',
    });
    expect(errorText(en, e)).toBe(
      'Line 20000 (Q00471): its Salesperson Code no longer exists (it was removed). Choose another one on the line.',
    );
    expect(errorText(it, e)).toBe(
      'Riga 20000 (Q00471): il Cod. agente non esiste più (è stato eliminato). Sceglierne un altro nella riga.',
    );
  });
});
