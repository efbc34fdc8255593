// A person's company as the card and the list show it. In BC a person's Company No. is a contact of type
// Company; an imported number may name a person or no contact at all: the number is then shown with what
// it is not, never another contact's name as the company's.
import type { Contact } from './contact';

export type PersonCompany =
  /** No Company No.: the Company Name as stored, if any. */
  | { kind: 'none'; companyName: string }
  | { kind: 'company'; company: Contact }
  /** The Company No. is a person's number. */
  | { kind: 'person'; no: string }
  /** No contact has the Company No. */
  | { kind: 'missing'; no: string };

/** `company`: the contact with the person's Company No., if one exists. */
export function personCompany(person: Contact, company: Contact | undefined): PersonCompany {
  const no = person.companyNo;
  if (!no) return { kind: 'none', companyName: person.companyName };
  if (!company) return { kind: 'missing', no };
  return company.type === 'Company' ? { kind: 'company', company } : { kind: 'person', no };
}
