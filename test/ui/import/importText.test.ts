import { describe, expect, test } from 'vitest';
import { mappableFields } from '../../../src/domain/columnMapping';
import { fieldCaption } from '../../../src/ui/common/errorText';
import { targetFieldCaption } from '../../../src/ui/import/importText';
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
