// The one builders module for tests: small readable records, numbered, overridable field by field.
import { emptyContactFields, type Contact, type ContactRow } from '../src/domain/contact';
import { emptyTemplateFields, type InteractionTemplate } from '../src/domain/interaction';
import { emptySegmentHeaderInput, type SegmentHeaderRecord, type SegmentLine } from '../src/domain/segment';

const stamp = '2026-03-01T09:00:00.000Z';

/** Contact CT0000i ("Contact i"), a stored record with every field a letter can merge. */
export function makeContact(i: number, over: Partial<Contact> = {}): Contact {
  const no = `CT${String(i).padStart(5, '0')}`;
  return {
    ...emptyContactFields(no),
    id: `C-${no}`,
    createdAt: stamp,
    updatedAt: stamp,
    name: `Contact ${i}`,
    companyName: `Company ${i % 37}`,
    jobTitle: 'Buyer',
    address: `Via Roma ${i}`,
    postCode: String(100 + (i % 900)).padStart(5, '0'),
    city: i % 2 ? 'Milano' : 'London',
    countryRegionCode: i % 2 ? 'IT' : 'GB',
    languageCode: i % 2 ? 'ITA' : 'ENU',
    email: `c${i}@example.com`,
    phoneNo: `+39 02 ${1000 + i}`,
    salespersonCode: 'JR',
    extra: { Region: i % 2 ? 'Nord' : 'South', Score: i * 1.5, Member: i % 3 === 0, Since: '2024-03-15' },
    ...over,
  };
}

/**
 * The same contact as a row for contacts.upsert (no id or timestamps; the fields of a new contact a
 * workspace without code lists accepts).
 */
export function makeContactRow(i: number, over: Partial<ContactRow> = {}): ContactRow {
  const { no, type, name, city, postCode, email, phoneNo, address, jobTitle } = makeContact(i);
  return { no, type, name, city, postCode, email, phoneNo, address, jobTitle, ...over };
}

/** A stored segment header with no lines. */
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

/** Line n (line no. n × 10000) of a segment, for a contact. */
export function makeLine(
  seg: SegmentHeaderRecord,
  n: number,
  contactNo: string,
  over: Partial<SegmentLine> = {},
): SegmentLine {
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

/** Interaction template `code`, stored, with no values but those given. */
export function makeTemplate(code: string, over: Partial<InteractionTemplate> = {}): InteractionTemplate {
  return { ...emptyTemplateFields(code), id: `T-${code}`, createdAt: stamp, updatedAt: stamp, ...over };
}
