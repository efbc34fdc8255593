import * as z from 'zod/mini';
import { storedString } from './text';
import { contactTypeSchema, correspondenceTypeSchema } from './enums';
import { code20, email80, recordBase, text100, text250 } from './fields';

/** A value of an imported column that maps to no contact field: kept as imported. */
export const extraValueSchema = z.union([storedString().check(z.maxLength(32_767)), z.number(), z.boolean()]);
export type ExtraValue = z.infer<typeof extraValueSchema>;

export const profileAnswerSchema = z.object({ questionnaire: code20, answer: text250 });
export type ProfileAnswer = z.infer<typeof profileAnswerSchema>;

export const contactSourceSchema = z.object({
  workbook: z.optional(storedString()),
  sheet: z.optional(storedString()),
  table: z.optional(storedString()),
  rowKey: z.optional(storedString()),
  file: z.optional(storedString()),
});
export type ContactSource = z.infer<typeof contactSourceSchema>;

/** The contact's own fields, without the record base: what an import row may carry. */
export const contactFieldsSchema = z.object({
  no: code20.check(z.refine((s) => s.trim() !== '', { error: 'is required' })),
  type: contactTypeSchema,
  name: text100,
  name2: text100,
  companyNo: code20,
  companyName: text100,
  jobTitle: text100,
  salutationCode: code20,
  address: text100,
  address2: text100,
  postCode: code20,
  city: z.pipe(storedString().check(z.maxLength(30, { error: 'is longer than 30 characters' })), text100),
  county: text100,
  countryRegionCode: z.pipe(storedString().check(z.maxLength(10, { error: 'is longer than 10 characters' })), code20),
  languageCode: z.pipe(storedString().check(z.maxLength(10, { error: 'is longer than 10 characters' })), code20),
  territoryCode: code20,
  salespersonCode: code20,
  email: email80,
  phoneNo: z.pipe(storedString().check(z.maxLength(30, { error: 'is longer than 30 characters' })), text100),
  mobilePhoneNo: z.pipe(storedString().check(z.maxLength(30, { error: 'is longer than 30 characters' })), text100),
  correspondenceType: correspondenceTypeSchema,
  excludeFromSegment: z.boolean({ error: 'must be Yes or No' }),
  mailingGroups: z.array(code20),
  industryGroups: z.array(code20),
  jobResponsibilities: z.array(code20),
  businessRelations: z.array(code20),
  profileAnswers: z.array(profileAnswerSchema),
  extra: z.record(storedString(), extraValueSchema),
  source: contactSourceSchema,
});
export type ContactFields = z.infer<typeof contactFieldsSchema>;

export const contactSchema = z.extend(contactFieldsSchema, recordBase);
export type Contact = z.infer<typeof contactSchema>;

/** An import row: every field optional but the number (merged into the stored record). */
export const contactRowSchema = z.strictObject(z.required(z.partial(contactFieldsSchema), { no: true }).shape);
export type ContactRow = z.infer<typeof contactRowSchema>;

export const contactFieldNames = Object.keys(contactFieldsSchema.shape) as (keyof ContactFields)[];

export function emptyContactFields(no: string): ContactFields {
  return {
    no,
    type: 'Person',
    name: '',
    name2: '',
    companyNo: '',
    companyName: '',
    jobTitle: '',
    salutationCode: '',
    address: '',
    address2: '',
    postCode: '',
    city: '',
    county: '',
    countryRegionCode: '',
    languageCode: '',
    territoryCode: '',
    salespersonCode: '',
    email: '',
    phoneNo: '',
    mobilePhoneNo: '',
    correspondenceType: '',
    excludeFromSegment: false,
    mailingGroups: [],
    industryGroups: [],
    jobResponsibilities: [],
    businessRelations: [],
    profileAnswers: [],
    extra: {},
    source: {},
  };
}

/**
 * Why a company's row cannot make it a person: persons are linked to it (their Company No. is its No.), as
 * BC refuses a change of Type while related persons are linked to the contact (Contact.TypeChange). The
 * store's reason for the rejected row, in a form `readCompanyHasPersonsIssue` reads back for the user's words.
 */
export function companyHasPersonsIssue(persons: number, firstPersonNo: string): string {
  const linked = persons === 1 ? '1 person is linked' : `${persons} persons are linked`;
  return `type: cannot change from Company to Person: ${linked} to this company (the first is ${firstPersonNo})`;
}

const COMPANY_HAS_PERSONS =
  /^type: cannot change from Company to Person: (\d+) persons? (?:is|are) linked to this company \(the first is (.*)\)$/s;

/** The persons count and the first person's No. of a `companyHasPersonsIssue` reason, else undefined. */
export function readCompanyHasPersonsIssue(issue: string): { persons: number; personNo: string } | undefined {
  const m = COMPANY_HAS_PERSONS.exec(issue);
  return m ? { persons: Number(m[1]), personNo: m[2] } : undefined;
}
