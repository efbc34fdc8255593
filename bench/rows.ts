// Realistic contact rows for the benches, deterministic: one company in ten, nine persons in ten of
// which most work for a company, Italian cities, mailing groups, extra columns; and the code lists they use.
import type { Workspace } from '../src/domain/workspace';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const cities = [
  ['Roma', '00184', 'RM'],
  ['Milano', '20121', 'MI'],
  ['Torino', '10121', 'TO'],
  ['Napoli', '80133', 'NA'],
  ['Bologna', '40121', 'BO'],
  ['Firenze', '50122', 'FI'],
  ['Genova', '16121', 'GE'],
  ['Venezia', '30121', 'VE'],
  ['Bari', '70121', 'BA'],
  ['Palermo', '90133', 'PA'],
] as const;
export const salespeople = ['JR', 'BD', 'PS', 'MC', 'LT', 'AG', 'RF', 'XK', 'XT', 'SV', 'EM', 'GB'];
export const mailing = ['NEWS', 'XMAS', 'EVENTS', 'PROMO'];
const firstNames = [
  'Anna',
  'Marco',
  'Luca',
  'Giulia',
  'Sara',
  'Paolo',
  'Elena',
  'Davide',
  'Chiara',
  'Matteo',
  'Francesca',
  'Stefano',
  'Zoe',
  'Ugo',
  'Iris',
];
const surnames = [
  'Rossi',
  'Bianchi',
  'Verdi',
  'Neri',
  'Russo',
  'Ferrari',
  'Esposito',
  'Colombo',
  'Ricci',
  'Greco',
  'Bruno',
  'Conti',
  'Costa',
  'Fontana',
  'Moretti',
];
const companyWords = ['Alfa', 'Beta', 'Delta', 'Orion', 'Vela', 'Lince', 'Quercia', 'Sole', 'Monte', 'Fiume'];
const suffixes = ['Srl', 'SpA', 'Snc', 'Sas'];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

/** `n` contact rows: one company in ten, nine persons in ten of which most work for a company. */
export function makeRows(n: number): Record<string, unknown>[] {
  const r = prng(42);
  const rows: Record<string, unknown>[] = [];
  const companies: { no: string; name: string; city: (typeof cities)[number] }[] = [];
  for (let i = 1; i <= n; i++) {
    const no = `CT${String(i).padStart(6, '0')}`;
    const groups = mailing.filter(() => r() < 0.3);
    const base = {
      no,
      salespersonCode: pick(r, salespeople),
      mailingGroups: groups,
      phoneNo: `+39 0${Math.floor(r() * 1e9)}`,
      correspondenceType: pick(r, ['', 'Email', 'Hard Copy'] as const),
      languageCode: r() < 0.8 ? 'ITA' : 'ENU',
      countryRegionCode: 'IT',
      extra: { Segment: pick(r, ['A', 'B', 'C']), Revenue: Math.floor(r() * 1e6), Customer: r() < 0.5 },
    };
    if (i % 10 === 1 || companies.length === 0) {
      const city = pick(r, cities);
      const name = `${pick(r, companyWords)} ${pick(r, companyWords)} ${suffixes[i % suffixes.length]} ${i}`;
      companies.push({ no, name, city });
      rows.push({
        ...base,
        type: 'Company',
        name,
        address: `Via ${pick(r, surnames)} ${1 + Math.floor(r() * 200)}`,
        postCode: city[1],
        city: city[0],
        county: city[2],
        email: `info@${name.split(' ')[0].toLowerCase()}${i}.it`,
        industryGroups: r() < 0.5 ? ['RETAIL'] : ['WHOLESALE'],
        businessRelations: r() < 0.6 ? ['CUST'] : ['PROSP'],
      });
    } else {
      const company = r() < 0.8 ? companies[Math.floor(r() * companies.length)] : undefined;
      const city = company?.city ?? pick(r, cities);
      const first = pick(r, firstNames);
      const last = pick(r, surnames);
      rows.push({
        ...base,
        type: 'Person',
        name: `${first} ${last}`,
        ...(company ? { companyNo: company.no, companyName: company.name } : {}),
        jobTitle: pick(r, ['Buyer', 'CEO', 'Office Manager', 'Sales Manager', '']),
        address: `Via ${pick(r, surnames)} ${1 + Math.floor(r() * 200)}`,
        postCode: city[1],
        city: city[0],
        county: city[2],
        email: r() < 0.9 ? `${first}.${last}${i}@example.it`.toLowerCase() : '',
        jobResponsibilities: r() < 0.3 ? ['PURCH'] : [],
      });
    }
  }
  return rows;
}

/** The salespeople, mailing groups and the ABSTRACT interaction template the benches' segments use. */
export async function seedCodes(ws: Workspace): Promise<void> {
  await ws.salespeople.upsert(salespeople.map((code) => ({ code, name: `Salesperson ${code}` })));
  await ws.mailingGroups.upsert(mailing.map((code) => ({ code, description: code })));
  await ws.interactionTemplates.upsert([
    {
      code: 'ABSTRACT',
      description: 'Abstract letter',
      unitCost: 2.5,
      unitDuration: 10,
      informationFlow: 'Outbound',
      initiatedBy: 'Us',
      correspondenceTypeDefault: 'Hard Copy',
    },
  ]);
}

/** The sync benches' big segment: `count` plain contacts (Roma and Milano in turn) and the salesperson JR; returns the contacts. */
export async function addSegmentContacts(ws: Pick<Workspace, 'salespeople' | 'contacts'>, count: number) {
  const contacts = Array.from({ length: count }, (_, i) => ({
    no: `B${String(i).padStart(6, '0')}`,
    name: `Contact ${i}`,
    city: i % 2 ? 'Roma' : 'Milano',
  }));
  await ws.salespeople.upsert([{ code: 'JR', name: 'John Roberts' }]);
  await ws.contacts.upsert(contacts);
  return contacts;
}
