// Delete Canceled Segments / Delete Canceled Interaction Log Entries: secondary, for administrators only;
// asks first, saying how many it deletes (counted when the user chooses it), then says how many went.
// With nothing canceled it says so instead of asking.
import { Button } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons/svg/delete';
import { useConfirm } from '../common/confirm';
import { useI18n } from '../common/i18n';
import { useNotify } from '../common/notify';
import { useRole } from '../common/useRole';

export function DeleteCanceledAction(p: {
  /** Catalog keys: the button (and the question's title), the question ({n}), nothing to delete, the report ({n}). */
  keys: { label: string; confirm: string; none: string; done: string };
  /** How many are canceled now. */
  count(): Promise<number>;
  run(): Promise<number>;
  disabled?: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const confirm = useConfirm();
  const notify = useNotify();
  const rights = useRole();
  if (!rights.deleteLogged) return null;
  const run = async () => {
    try {
      const n = await p.count();
      if (n === 0) {
        notify.info(t(p.keys.none));
        return;
      }
      if (!(await confirm({ title: t(p.keys.label), text: t(p.keys.confirm, { n: formatNumber(n) }) }))) return;
      notify.success(t(p.keys.done, { n: formatNumber(await p.run()) }));
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <Button appearance="subtle" size="small" icon={<DeleteRegular />} onClick={() => void run()} disabled={p.disabled}>
      {t(p.keys.label)}
    </Button>
  );
}
