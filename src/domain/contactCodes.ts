// BC's rules for a contact's codes, apart from any page: which of its lists of codes a type of contact
// takes, and which of its text fields are Code fields (kept in capitals, without surrounding spaces).
import type { Contact } from './contact';

/** The contact's lists of codes, each a lookup of the code list of the same name. */
export type ContactCodeField = 'mailingGroups' | 'industryGroups' | 'jobResponsibilities' | 'businessRelations';

/** The type of contact BC gives each list to; a list not named here goes to every contact. */
const LIST_TYPE: Partial<Record<ContactCodeField, Contact['type']>> = {
  industryGroups: 'Company',
  businessRelations: 'Company',
  jobResponsibilities: 'Person',
};

/** Whether a contact of `type` takes codes in `field` (a company's industry groups, a person's job responsibilities). */
export function listTakesType(field: ContactCodeField, type: Contact['type']): boolean {
  const only = LIST_TYPE[field];
  return only === undefined || only === type;
}

/** BC's Code fields among the contact's text fields. */
const CODE_TEXT_FIELDS = new Set<string>(['postCode', 'countryRegionCode', 'salutationCode']);

/** A value typed into a contact field, as BC stores it: a Code field in capitals, trimmed. */
export function contactFieldValue(field: string, value: unknown): unknown {
  return CODE_TEXT_FIELDS.has(field) && typeof value === 'string' ? value.trim().toUpperCase() : value;
}
