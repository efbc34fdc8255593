// The routes that name a record by a number the shared workspace can move follow the record: a segment's
// page (by its id once known), its sheet import, the interaction log filtered on a logged segment. The
// numbers told together move together: SEG1 → SEG2 and SEG2 → SEG3 do not carry SEG1 on to SEG3.
import { describe, expect, test } from 'vitest';
import type { Renumbered } from '../../../src/domain/ports/syncStatus';
import { followRenumbered, type Route } from '../../../src/ui/shell/pageRegistry';

const told: Renumbered[] = [
  { table: 'segments', id: 'A', from: 'SEG1', to: 'SEG2', action: 'segments.create' },
  { table: 'segments', id: 'B', from: 'SEG2', to: 'SEG3', action: 'segments.create' },
  { table: 'loggedSegments', id: 'L', from: '1', to: '2', action: 'segments.log' },
  { table: 'segmentLines', id: 'X', from: '10000', to: '20000', action: 'segments.addLine', segmentNo: 'SEG9' },
];

describe('a route follows its record to the number it has now', () => {
  test("a segment's page, each by the number it had before any of them moved", () => {
    expect(followRenumbered({ page: 'segment', no: 'SEG1' }, told)).toEqual({ page: 'segment', no: 'SEG2', id: 'A' });
    expect(followRenumbered({ page: 'segment', no: 'SEG2' }, told)).toEqual({ page: 'segment', no: 'SEG3', id: 'B' });
  });

  test('a page that knows its segment’s id follows that id, whatever number it shows', () => {
    expect(followRenumbered({ page: 'segment', no: 'SEG2', id: 'A' }, told)).toEqual({
      page: 'segment',
      no: 'SEG2',
      id: 'A',
    });
    expect(followRenumbered({ page: 'segment', no: 'SEG1', id: 'B' }, told)).toEqual({
      page: 'segment',
      no: 'SEG3',
      id: 'B',
    });
  });

  test('the sheet import of a segment, and the entries of a logged segment', () => {
    expect(followRenumbered({ page: 'excelImport', segmentNo: 'SEG1' }, told)).toEqual({
      page: 'excelImport',
      segmentNo: 'SEG2',
    });
    expect(
      followRenumbered({ page: 'interactionLog', filter: { loggedSegmentEntryNo: 1, canceled: false } }, told),
    ).toEqual({ page: 'interactionLog', filter: { loggedSegmentEntryNo: 2, canceled: false } });
  });

  test('a route no number of which moved is the same route', () => {
    const routes: Route[] = [
      { page: 'segment', no: 'SEG9' },
      { page: 'segments' },
      { page: 'excelImport' },
      { page: 'interactionLog', filter: { contactNo: 'SEG1' } },
      { page: 'contact', no: 'SEG1' },
    ];
    for (const r of routes) expect(followRenumbered(r, told)).toBe(r);
  });
});
