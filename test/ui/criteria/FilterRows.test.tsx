// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { contactFilterFields, type FilterRow } from '../../../src/ui/criteria/criteriaFilters';
import { FilterRows, firstFreeField } from '../../../src/ui/criteria/FilterRows';
import { makeWorkspace } from '../../store/helpers';
import { renderInPane } from '../render';

function Rows({ initial }: { initial: FilterRow[] }) {
  const [rows, setRows] = useState(initial);
  return <FilterRows rows={rows} onChange={setRows} errorFor={() => undefined} />;
}

describe('criteria filter rows', () => {
  test("a new row starts on a field no other row uses, so it never replaces another row's filter", () => {
    expect(firstFreeField([])).toBe('contact.city');
    expect(firstFreeField([{ field: 'contact.city', expression: 'Roma' }])).toBe(contactFilterFields[0]);
    const rows = [{ field: 'contact.city', expression: '' }];
    for (let i = 0; i < 5; i++) rows.push({ field: firstFreeField(rows), expression: '' });
    expect(new Set(rows.map((r) => r.field)).size).toBe(rows.length);
  });

  test('a field chosen in one row cannot be chosen in another', async () => {
    const ws = await makeWorkspace();
    renderInPane(
      <Rows
        initial={[
          { field: 'contact.city', expression: 'Roma' },
          { field: 'mailingGroup', expression: '' },
        ]}
      />,
      ws,
    );
    await userEvent.click(screen.getByRole('combobox', { name: /Field 2/ }));
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getByRole('option', { name: 'City' }).getAttribute('aria-disabled')).toBe('true');
    expect(within(listbox).getByRole('option', { name: 'Post Code' }).getAttribute('aria-disabled')).not.toBe('true');
  });

  test("a lone & or | between wildcards is hinted under the field, in the user's language", async () => {
    const ws = await makeWorkspace();
    renderInPane(
      <Rows
        initial={[
          { field: 'contact.name', expression: '*&*' },
          { field: 'contact.city', expression: '*|*' },
        ]}
      />,
      ws,
      'it',
    );
    const hints = await screen.findAllByTestId('filter-hint');
    expect(hints.map((h) => h.textContent)).toEqual([
      '& significa "e" tra due parti di un filtro, quindi questo seleziona tutti i contatti. Per trovare il carattere &, scrivere *\'&\'*',
      '| significa "o" tra due parti di un filtro, quindi questo seleziona tutti i contatti. Per trovare il carattere |, scrivere *\'|\'*',
    ]);
  });

  test('an error marks its position in the expression, and a missing end is marked after it', async () => {
    const ws = await makeWorkspace();
    renderInPane(
      <FilterRows
        rows={[{ field: 'contact.city', expression: 'Roma|' }]}
        onChange={() => undefined}
        errorFor={() => ({ text: 'The filter on City is not valid at position 6.', position: 6 })}
      />,
      ws,
    );
    expect(screen.getByText('The filter on City is not valid at position 6.')).toBeTruthy();
    expect(screen.getByText(/The filter ends too early/)).toBeTruthy();
    expect(screen.getByTestId('filter-error-expression').textContent).toBe('Roma|\u00a0');
    expect(screen.queryByTestId('filter-hint')).toBeNull();
  });
});
