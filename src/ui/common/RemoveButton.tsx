// The delete or remove button of a list's row: an icon, named with the verb and the row's code.
import { Button } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons/svg/delete';
import { useT } from './i18n';

export function RemoveButton({
  verb,
  code,
  onClick,
}: {
  verb: 'common.delete' | 'common.remove';
  code: string;
  onClick(): void;
}) {
  const t = useT();
  const name = `${t(verb)} ${code}`;
  return (
    <Button
      appearance="subtle"
      size="small"
      icon={<DeleteRegular />}
      aria-label={name}
      title={name}
      onClick={onClick}
    />
  );
}
