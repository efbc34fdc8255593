// Small record builders for store tests that write tables directly.
import { emptyContactFields, type Contact } from '../../src/domain/contact';
import { emptySegmentHeaderInput, type SegmentHeaderRecord, type SegmentLine } from '../../src/domain/segment';

const stamp = '2026-03-01T09:00:00.000Z';

export function makeContact(i: number, over: Partial<Contact> = {}): Contact {
  const no = `CT${String(i + 1).padStart(5, '0')}`;
  return { ...emptyContactFields(no), name: `Contact ${i + 1}`, city: i % 2 ? 'Roma' : 'Milano', id: `C-${no}`, createdAt: stamp, updatedAt: stamp, ...over };
}

export function makeSegment(id: string, no: string, over: Partial<SegmentHeaderRecord> = {}): SegmentHeaderRecord {
  return {
    id,
    no,
    createdAt: stamp,
    updatedAt: stamp,
    ...emptySegmentHeaderInput(),
    description: `Segment ${no}`,
    salespersonCode: 'JR',
    date: '2026-03-01',
    ...over,
  };
}

export function makeLine(seg: SegmentHeaderRecord, n: number, contactNo: string, over: Partial<SegmentLine> = {}): SegmentLine {
  return {
    id: `${seg.id}-L${n}`,
    segmentId: seg.id,
    segmentNo: seg.no,
    lineNo: n * 10000,
    contactNo,
    contactCompanyNo: '',
    createdAt: stamp,
    updatedAt: stamp,
    description: seg.description,
    salespersonCode: seg.salespersonCode,
    interactionTemplateCode: '',
    interactionGroupCode: '',
    correspondenceType: '',
    languageCode: '',
    subject: '',
    cost: 0,
    duration: 0,
    date: seg.date,
    campaignNo: '',
    campaignTarget: false,
    campaignResponse: false,
    informationFlow: '',
    initiatedBy: '',
    evaluation: '',
    attemptFailed: false,
    comment: '',
    addedByAction: 1,
    ...over,
  };
}
