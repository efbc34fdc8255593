// What logging a segment checks and the interaction log entries it becomes, without a database.
import { describe, expect, test } from 'vitest';
import type { Contact } from '../../src/domain/contact';
import type { LogOptions } from '../../src/domain/log';
import { letterForLine, planLog, type LogPlanInput } from '../../src/domain/logRules';
import type { SegmentHeaderRecord, SegmentLine } from '../../src/domain/segment';
import { makeContact, makeLine, makeSegment, makeTemplate } from '../builders';

const header = makeSegment('S1', 'SEG00001', { description: 'Spring offer', interactionTemplateCode: 'ABSTRACT' });
const complete = {
  interactionTemplateCode: 'ABSTRACT',
  correspondenceType: 'Hard Copy' as const,
  date: '2026-03-01',
  salespersonCode: 'JR',
};
const anna = makeContact(1, { name: 'Anna', email: 'anna@alfa.it' });
const marco = makeContact(2, { name: 'Marco', email: '' });
const template = makeTemplate('ABSTRACT', { letters: { ENU: { subject: 'News', ooxml: '<w:p>template</w:p>' } } });

function input(lines: SegmentLine[], over: Partial<LogPlanInput> = {}, options: LogOptions = {}): LogPlanInput {
  return {
    header,
    lines,
    contactsByNo: new Map<string, Contact>([anna, marco].map((c) => [c.no, c])),
    templatesByCode: new Map([[template.code, template]]),
    alreadyLogged: false,
    options,
    date: '2026-03-02',
    time: '09:30:00',
    userId: 'ANNA',
    ...over,
  };
}

describe('planLog', () => {
  test('an empty user ID is one blocker for the whole segment, not one per line', () => {
    const lines = [makeLine(header, 1, anna.no, complete), makeLine(header, 2, marco.no, complete)];
    const { blockers } = planLog(input(lines, { userId: ' ' }));
    expect(blockers).toEqual([expect.objectContaining({ code: 'USER_ID_REQUIRED', field: 'userId' })]);
  });

  test('on a team server that knows the user, the profile’s User ID is not needed: the entries carry the server’s user', () => {
    const lines = [makeLine(header, 1, anna.no, complete), makeLine(header, 2, marco.no, complete)];
    const empty = planLog(input(lines, { userId: '', serverUser: 'anna' }));
    expect(empty.blockers).toEqual([]);
    expect(empty.entries.map((e) => e.userId)).toEqual(['anna', 'anna']);
    // The server stamps its user whatever the profile says: the pane writes the same.
    const other = planLog(input(lines, { userId: 'Anna Bianchi', serverUser: 'anna' }));
    expect(other.entries.map((e) => e.userId)).toEqual(['anna', 'anna']);
  });

  test('a line whose Salesperson Code is not in Salespeople is a blocker of that line', () => {
    const lines = [
      makeLine(header, 1, anna.no, complete),
      makeLine(header, 2, marco.no, { ...complete, salespersonCode: 'GONE' }),
    ];
    const { blockers } = planLog(input(lines, { salespersonCodes: new Set(['JR']) }));
    expect(blockers).toEqual([
      expect.objectContaining({
        code: 'LINE_CODE_NOT_FOUND',
        field: 'salespersonCode',
        lineNo: lines[1].lineNo,
        contactNo: marco.no,
      }),
    ]);
    expect(planLog(input(lines, { salespersonCodes: new Set(['JR', 'GONE']) })).blockers).toEqual([]);
  });

  test('a complete segment becomes one entry per line with a contact, in line order, on the line’s date at the time of logging', () => {
    const lines = [
      makeLine(header, 2, marco.no, complete),
      makeLine(header, 1, anna.no, { ...complete, date: '2026-02-27' }),
      makeLine(header, 3, ''),
    ];
    const { entries, blockers } = planLog(input(lines));
    expect(blockers).toEqual([]);
    expect(entries.map((e) => [e.segmentLineNo, e.contactNo, e.date, e.time, e.userId, e.canceled])).toEqual([
      [10000, anna.no, '2026-02-27', '09:30:00', 'ANNA', false],
      [20000, marco.no, '2026-03-01', '09:30:00', 'ANNA', false],
    ]);
  });

  test('every blocker is listed, not only the first', () => {
    const lines = [
      makeLine(header, 1, anna.no, { ...complete, salespersonCode: '', interactionTemplateCode: '' }),
      makeLine(header, 2, 'CT09999', complete),
    ];
    const { blockers } = planLog(
      input(lines, { alreadyLogged: true, header: { ...header, description: ' ' }, userId: '' }),
    );
    expect(blockers.map((b) => [b.code, b.lineNo ?? null, b.field ?? null])).toEqual([
      ['ALREADY_LOGGED', null, null],
      ['DESCRIPTION_REQUIRED', null, 'description'],
      ['USER_ID_REQUIRED', null, 'userId'],
      ['LINE_INCOMPLETE', 10000, 'salespersonCode'],
      ['LINE_INCOMPLETE', 10000, 'interactionTemplateCode'],
      ['NOT_FOUND', 20000, 'contactNo'],
    ]);
  });

  test('a segment without a line that has a contact cannot be logged', () => {
    expect(planLog(input([makeLine(header, 1, '')])).blockers.map((b) => b.code)).toEqual(['SEGMENT_EMPTY']);
  });

  test('Email to a contact without an e-mail address: blocked when sending attachments, else logged without a type', () => {
    const lines = [makeLine(header, 1, marco.no, { ...complete, correspondenceType: 'Email' })];
    expect(planLog(input(lines, {}, { sendAttachments: true })).blockers.map((b) => [b.code, b.contactNo])).toEqual([
      ['EMAIL_MISSING', marco.no],
    ]);
    const { entries, blockers } = planLog(input(lines));
    expect(blockers).toEqual([]);
    expect(entries[0].correspondenceType).toBe('');
  });

  test('Hard Copy with attachments needs a letter; the entry carries it', () => {
    const noLetter = [makeLine(header, 1, anna.no, { ...complete, languageCode: 'ITA' })];
    expect(planLog(input(noLetter, {}, { sendAttachments: true })).blockers.map((b) => b.code)).toEqual([
      'LETTER_MISSING',
    ]);
    const withLetter = [makeLine(header, 1, anna.no, { ...complete, languageCode: 'ENU' })];
    const plan = planLog(input(withLetter, {}, { sendAttachments: true }));
    expect(plan.blockers).toEqual([]);
    expect(plan.entries[0].letter).toBe('<w:p>template</w:p>');
    // Without attachments no letter is stored, unless one was merged for the line.
    expect(planLog(input(withLetter)).entries[0].letter).toBeUndefined();
    expect(
      planLog(input(withLetter, {}, { letters: [{ lineNo: 10000, ooxml: '<w:p>merged</w:p>' }] })).entries[0].letter,
    ).toBe('<w:p>merged</w:p>');
  });
});

describe('letterForLine', () => {
  const withHeaderLetters: SegmentHeaderRecord = {
    ...header,
    letters: { ITA: { subject: 'Novità', ooxml: '<w:p>it</w:p>' }, '': { subject: '', ooxml: '<w:p>any</w:p>' } },
  };
  const at = (line: SegmentLine, options: LogOptions = {}, h = withHeaderLetters) =>
    letterForLine({ header: h, templatesByCode: new Map([[template.code, template]]), options }, line);

  test('the merged letter first, then the line’s own, then the segment’s for the language, then the template’s', () => {
    const line = makeLine(header, 1, anna.no, { ...complete, languageCode: 'ITA', letter: '<w:p>own</w:p>' });
    expect(at(line, { letters: [{ lineNo: 10000, ooxml: '<w:p>merged</w:p>' }] })).toBe('<w:p>merged</w:p>');
    expect(at(line)).toBe('<w:p>own</w:p>');
    expect(at({ ...line, letter: undefined })).toBe('<w:p>it</w:p>');
    expect(at({ ...line, letter: undefined, languageCode: 'DEU' })).toBe('<w:p>any</w:p>');
    expect(at({ ...line, letter: undefined, languageCode: 'ENU' }, {}, header)).toBe('<w:p>template</w:p>');
    expect(at({ ...line, letter: undefined, languageCode: 'DEU' }, {}, header)).toBeUndefined();
  });
});
