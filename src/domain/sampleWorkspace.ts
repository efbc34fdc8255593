// The sample workspace: a small, realistic set to try the add-in with (segments.md, "First run").
// Italian and foreign companies with their persons, salespeople, mailing groups, languages, and two
// interaction templates with letters in English and Italian. Pure data; the store loads it in one action
// and removes exactly what it created.
import type { CodeDescription, Language, Salesperson } from './codes';
import type { ContactFields } from './contact';
import type { InteractionTemplate } from './interaction';
import { sdtElement } from './mergeOoxml';

type Fields<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt'>;

export interface SampleWorkspaceData {
  salespeople: Fields<Salesperson>[];
  interactionGroups: Fields<CodeDescription>[];
  mailingGroups: Fields<CodeDescription>[];
  industryGroups: Fields<CodeDescription>[];
  businessRelations: Fields<CodeDescription>[];
  languages: Fields<Language>[];
  interactionTemplates: Fields<InteractionTemplate>[];
  /** Companies first, then their persons. */
  contacts: Partial<ContactFields>[];
}

export type SampleTable =
  | 'salespeople'
  | 'interactionGroups'
  | 'mailingGroups'
  | 'industryGroups'
  | 'businessRelations'
  | 'languages'
  | 'interactionTemplates'
  | 'contacts';

export interface SampleWorkspaceResult {
  /** Records created (load) or removed (remove), by table. */
  counts: Record<SampleTable, number>;
  /** At load: keys the user already had, left as they are. */
  kept: { table: SampleTable; key: string }[];
}

/**
 * The id of a record the sample created: a fixed prefix, the table and the record's key, in the characters a
 * shared workspace accepts for a row id (letters, digits, _ and -); real ids are ULIDs, never lower case.
 * Samples loaded before used `sample:` and are still recognised, so that Remove finds them.
 */
export const SAMPLE_ID_PREFIX = 'sample-';
export const SAMPLE_ID_PREFIXES = [SAMPLE_ID_PREFIX, 'sample:'];
export const sampleId = (table: string, key: string) => `${SAMPLE_ID_PREFIX}${table}-${key}`;
export const isSampleId = (id: string) => SAMPLE_ID_PREFIXES.some((p) => id.startsWith(p));

const field = (key: string, caption: string) => sdtElement(key, caption, `<w:r><w:t>«${caption}»</w:t></w:r>`);
const para = (...runs: string[]) =>
  `<w:p>${runs.map((r) => (r.startsWith('<w:sdt') ? r : `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>`)).join('')}</w:p>`;

function letter(lang: 'en' | 'it', kind: 'fair' | 'newsletter'): string {
  const en = lang === 'en';
  const c = (key: string, enCaption: string, itCaption: string) => field(key, en ? enCaption : itCaption);
  const opening = en
    ? ['Dear ', c('contact.name', 'Name', 'Nome'), ',']
    : ['Gentile ', c('contact.name', 'Name', 'Nome'), ','];
  const body =
    kind === 'fair'
      ? en
        ? [
            'we are pleased to invite ',
            c('contact.companyName', 'Company Name', 'Nome società'),
            ' to our stand at the trade fair on ',
            c('interaction.date', 'Date', 'Data'),
            '.',
          ]
        : [
            'siamo lieti di invitare ',
            c('contact.companyName', 'Company Name', 'Nome società'),
            ' al nostro stand in fiera il ',
            c('interaction.date', 'Date', 'Data'),
            '.',
          ]
      : en
        ? [
            'here is our news for ',
            c('contact.city', 'City', 'Città'),
            ': ',
            c('interaction.subject', 'Subject', 'Oggetto'),
            '.',
          ]
        : [
            'ecco le novità per ',
            c('contact.city', 'City', 'Città'),
            ': ',
            c('interaction.subject', 'Subject', 'Oggetto'),
            '.',
          ];
  const closing = en
    ? ['Kind regards, ', c('salesperson.name', 'Salesperson', 'Agente')]
    : ['Cordiali saluti, ', c('salesperson.name', 'Salesperson', 'Agente')];
  return [para(...opening), para(...body), para(field('comment', en ? 'Comment' : 'Commento')), para(...closing)].join(
    '',
  );
}

const template = (
  t: Partial<Fields<InteractionTemplate>> & Pick<InteractionTemplate, 'code' | 'description'>,
): Fields<InteractionTemplate> => ({
  interactionGroupCode: 'LETTER',
  unitCost: 0,
  unitDuration: 0,
  informationFlow: 'Outbound',
  initiatedBy: 'Us',
  campaignNo: '',
  campaignTarget: false,
  campaignResponse: false,
  correspondenceTypeDefault: 'Hard Copy',
  ignoreContactCorresType: false,
  languageCodeDefault: 'ITA',
  letters: {},
  ...t,
});

const company = (no: string, name: string, f: Partial<ContactFields>): Partial<ContactFields> => ({
  no,
  type: 'Company',
  name,
  companyNo: no,
  companyName: name,
  ...f,
});
const defined = (o: Partial<ContactFields>): Partial<ContactFields> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const person = (
  no: string,
  name: string,
  co: Partial<ContactFields>,
  f: Partial<ContactFields>,
): Partial<ContactFields> =>
  defined({
    no,
    type: 'Person',
    name,
    companyNo: co.no,
    companyName: co.name,
    address: co.address,
    postCode: co.postCode,
    city: co.city,
    county: co.county,
    countryRegionCode: co.countryRegionCode,
    languageCode: co.languageCode,
    salespersonCode: co.salespersonCode,
    ...f,
  });

export function sampleWorkspaceData(): SampleWorkspaceData {
  const ortofrutta = company('SC0001', "Ortofrutta Dell'Orto S.r.l.", {
    address: 'Via Emilia 12',
    postCode: '40121',
    city: 'Bologna',
    county: 'BO',
    countryRegionCode: 'IT',
    languageCode: 'ITA',
    salespersonCode: 'MR',
    phoneNo: '+39 051 123456',
    email: 'info@dellorto.example',
    industryGroups: ['RETAIL'],
    businessRelations: ['CUST'],
  });
  const damico = company('SC0002', "D'Amico & Figli S.p.A.", {
    address: 'Corso Vittorio Emanuele 88',
    postCode: '80121',
    city: 'Napoli',
    county: 'NA',
    countryRegionCode: 'IT',
    languageCode: 'ITA',
    salespersonCode: 'GB',
    phoneNo: '+39 081 765432',
    email: 'amministrazione@damico.example',
    industryGroups: ['WHOLESALE'],
    businessRelations: ['CUST'],
  });
  const santanna = company('SC0003', "Cantina Sant'Anna", {
    address: 'Strada del Vino 5',
    postCode: '05021',
    city: 'Acquasparta',
    county: 'TR',
    countryRegionCode: 'IT',
    languageCode: 'ITA',
    salespersonCode: 'MR',
    industryGroups: ['RETAIL'],
    businessRelations: ['PROSP'],
  });
  const alpen = company('SC0004', 'Alpenblick Feinkost GmbH', {
    address: 'Leopoldstraße 44',
    postCode: '80802',
    city: 'München',
    countryRegionCode: 'DE',
    languageCode: 'ENU',
    salespersonCode: 'AS',
    email: 'office@alpenblick.example',
    industryGroups: ['WHOLESALE'],
    businessRelations: ['CUST'],
  });
  const trails = company('SC0005', "Trail's Head Gourmet Provisioners", {
    address: '722 DaVinci Blvd.',
    postCode: '98034',
    city: 'Kirkland',
    county: 'WA',
    countryRegionCode: 'US',
    languageCode: 'ENU',
    salespersonCode: 'AS',
    industryGroups: ['RETAIL'],
    businessRelations: ['PROSP'],
  });
  const bonapp = company('SC0006', "Bon app'", {
    address: '12, rue des Bouchers',
    postCode: '13008',
    city: 'Marseille',
    countryRegionCode: 'FR',
    languageCode: 'ENU',
    salespersonCode: 'AS',
    businessRelations: ['CUST'],
  });
  const companies = [ortofrutta, damico, santanna, alpen, trails, bonapp];
  const persons: Partial<ContactFields>[] = [
    person('SP0001', 'Giulia Dell’Orto', ortofrutta, {
      jobTitle: 'Titolare',
      email: 'giulia@dellorto.example',
      mailingGroups: ['NEWSLETTER', 'FIERA'],
      correspondenceType: 'Email',
    }),
    person('SP0002', 'Marco Bianchi', ortofrutta, {
      jobTitle: 'Responsabile acquisti',
      email: 'marco.bianchi@dellorto.example',
      mailingGroups: ['NEWSLETTER'],
    }),
    person('SP0003', "Francesca D'Amico", damico, {
      jobTitle: 'Amministratore delegato',
      email: 'francesca@damico.example',
      mailingGroups: ['FIERA', 'NATALE'],
    }),
    person('SP0004', 'Luca Esposito', damico, { jobTitle: 'Buyer', mailingGroups: ['NEWSLETTER'] }),
    person('SP0005', 'Chiara Rossi', santanna, {
      jobTitle: 'Enologa',
      email: 'chiara@santanna.example',
      mailingGroups: ['FIERA'],
      correspondenceType: 'Email',
    }),
    person('SP0006', 'Anna Müller', alpen, {
      jobTitle: 'Einkaufsleiterin',
      email: 'a.mueller@alpenblick.example',
      mailingGroups: ['NEWSLETTER', 'NATALE'],
    }),
    person('SP0007', 'Jonas Becker', alpen, { jobTitle: 'Geschäftsführer', mailingGroups: ['FIERA'] }),
    person('SP0008', 'Helvetius Nagy', trails, {
      jobTitle: 'Sales Associate',
      email: 'h.nagy@trailshead.example',
      mailingGroups: ['NEWSLETTER'],
    }),
    person('SP0009', 'Laurence Lebihans', bonapp, { jobTitle: 'Owner', mailingGroups: ['NATALE'] }),
    {
      no: 'SP0010',
      type: 'Person',
      name: 'Paolo Conti',
      address: 'Via Roma 3',
      postCode: '00184',
      city: 'Roma',
      county: 'RM',
      countryRegionCode: 'IT',
      languageCode: 'ITA',
      salespersonCode: 'GB',
      email: 'paolo.conti@example.com',
      mailingGroups: ['NEWSLETTER'],
    },
  ];
  return {
    salespeople: [
      {
        code: 'MR',
        name: 'Maria Ricci',
        jobTitle: 'Area manager Nord',
        email: 'maria.ricci@example.com',
        phoneNo: '+39 02 555 0101',
      },
      {
        code: 'GB',
        name: 'Giorgio Bruno',
        jobTitle: 'Area manager Sud',
        email: 'giorgio.bruno@example.com',
        phoneNo: '+39 081 555 0202',
      },
      {
        code: 'AS',
        name: 'Alice Smith',
        jobTitle: 'Export manager',
        email: 'alice.smith@example.com',
        phoneNo: '+44 20 7946 0303',
      },
    ],
    interactionGroups: [{ code: 'LETTER', description: 'Letters' }],
    mailingGroups: [
      { code: 'NEWSLETTER', description: 'Newsletter' },
      { code: 'FIERA', description: 'Trade fair invitation' },
      { code: 'NATALE', description: 'Christmas card' },
    ],
    industryGroups: [
      { code: 'RETAIL', description: 'Retail' },
      { code: 'WHOLESALE', description: 'Wholesale' },
    ],
    businessRelations: [
      { code: 'CUST', description: 'Customer' },
      { code: 'PROSP', description: 'Prospect' },
    ],
    languages: [
      { code: 'ITA', name: 'Italiano', locale: 'it-IT' },
      { code: 'ENU', name: 'English', locale: 'en-GB' },
    ],
    interactionTemplates: [
      template({
        code: 'FIERA',
        description: 'Trade fair invitation',
        unitCost: 1.2,
        unitDuration: 5,
        letters: {
          ITA: { subject: 'Invito alla fiera', ooxml: letter('it', 'fair') },
          ENU: { subject: 'Invitation to the trade fair', ooxml: letter('en', 'fair') },
        },
      }),
      template({
        code: 'NEWSLETTER',
        description: 'Newsletter letter',
        unitCost: 0.8,
        unitDuration: 2,
        letters: {
          ITA: { subject: 'Le novità di stagione', ooxml: letter('it', 'newsletter') },
          ENU: { subject: 'Our seasonal news', ooxml: letter('en', 'newsletter') },
        },
      }),
    ],
    contacts: [...companies, ...persons],
  };
}
