// The column mapping, reviewed and corrected by the user before anything is written. A mapping that
// fills no name is flagged here: a new contact needs one (an error when no column can find an existing
// contact either, and the pages then offer no import).
import {
  Dropdown,
  MessageBar,
  MessageBarBody,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  mappableFields,
  mappingIssues,
  nameMappingIssue,
  type ColumnMapping,
  type MappingTarget,
} from '../../domain/columnMapping';
import { columnLetter } from '../../domain/sheetCells';
import { useT } from '../common/i18n';
import { mappingIssueText, targetFieldCaption } from './importText';

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  dropdown: { minWidth: '12em' },
});

const valueOf = (t: MappingTarget) => (t.kind === 'field' ? `field:${t.field}` : t.kind);

export function MappingReview(props: {
  mapping: ColumnMapping;
  firstColumn: number;
  /** The CSV file the columns come from (its choice is remembered by name); absent for a sheet or table. */
  fileName?: string;
  onChange(m: ColumnMapping): void;
}) {
  const { mapping, firstColumn, onChange } = props;
  const t = useT();
  const s = useStyles();
  const issues = mappingIssues(mapping);
  const hasKey = mapping.columns.some((c) => c.target.kind === 'field' && c.target.field === 'no');
  const noName = nameMappingIssue(mapping);
  const label = (target: MappingTarget, header: string) =>
    target.kind === 'field'
      ? targetFieldCaption(t, target.field)
      : target.kind === 'extra'
        ? t('excel.mapping.extra', { header })
        : t('excel.mapping.ignore');
  const set = (index: number, value: string | undefined) => {
    if (!value) return;
    const columns = mapping.columns.map((c) => {
      if (c.index !== index) return c;
      const target: MappingTarget = value.startsWith('field:')
        ? { kind: 'field', field: value.slice(6) as (typeof mappableFields)[number] }
        : value === 'extra' && c.header
          ? { kind: 'extra', name: c.header }
          : { kind: 'ignore' };
      return { ...c, target };
    });
    onChange({ columns });
  };
  return (
    <>
      <Text size={200} className={s.hint} data-testid="mapping-hint">
        {props.fileName === undefined ? t('excel.mapping.hint') : t('excel.mapping.hintFile', { name: props.fileName })}
      </Text>
      <Table size="extra-small" aria-label={t('excel.mapping')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('excel.mapping.column')}</TableHeaderCell>
            <TableHeaderCell>{t('excel.mapping.target')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {mapping.columns.map((c) => (
            <TableRow key={c.index}>
              <TableCell>{`${columnLetter(firstColumn + c.index)}: ${c.header}`}</TableCell>
              <TableCell>
                <Dropdown
                  className={s.dropdown}
                  size="small"
                  aria-label={`${t('excel.mapping.target')} ${c.header}`}
                  value={label(c.target, c.header)}
                  selectedOptions={[valueOf(c.target)]}
                  onOptionSelect={(_, d) => set(c.index, d.optionValue)}
                >
                  {mappableFields.map((f) => (
                    <Option key={f} value={`field:${f}`}>
                      {targetFieldCaption(t, f)}
                    </Option>
                  ))}
                  {c.header ? <Option value="extra">{t('excel.mapping.extra', { header: c.header })}</Option> : null}
                  <Option value="ignore">{t('excel.mapping.ignore')}</Option>
                </Dropdown>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {/* Said before anything is written: without a name, a row can only update a contact that exists. */}
      {noName ? (
        <MessageBar
          intent={noName === 'noNameNoKey' ? 'error' : 'warning'}
          data-intent={noName === 'noNameNoKey' ? 'error' : 'warning'}
          data-testid="mapping-name"
        >
          <MessageBarBody>{t(`excel.mapping.${noName}`)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {issues.length || !hasKey ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <ul className={s.list}>
              {!hasKey ? <li>{t('excel.mapping.noKey')}</li> : null}
              {issues.map((i, n) => (
                <li key={n}>{mappingIssueText(t, i, firstColumn)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
