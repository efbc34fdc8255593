// From a segment line: select that contact's row in the sheet it came from (when it is still there).
import { Button } from '@fluentui/react-components';
import type { ExcelPort } from '../../domain/ports/excelPort';
import type { Workspace } from '../../domain/workspace';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { excelErrorText } from '../import/importText';

/** From a segment line: select that contact's row in the sheet it came from. */
export function ShowInSheetButton(props: { workspace: Workspace; excel: ExcelPort | undefined; contactNo: string }) {
  const { workspace, excel, contactNo } = props;
  const { t } = useI18n();
  const notify = useNotify();
  if (!excel) return null;
  const run = async () => {
    try {
      const c = await workspace.contacts.get(contactNo);
      if (!c?.source.sheet && !c?.source.table) {
        notify.info(t('excel.showInSheet.none'));
        return;
      }
      if (!(await excel.selectSourceRow(c.source))) notify.info(t('excel.showInSheet.gone'));
    } catch (e) {
      notify.info(excelErrorText(t, e));
    }
  };
  return (
    <Button size="small" appearance="subtle" onClick={() => void run()}>
      {t('excel.showInSheet')}
    </Button>
  );
}
