// A line's defaults when a contact is put on it, and how header changes flow to the lines
// (segments.md, section 3: "A line's defaults", "Create and edit the header").
import type { Contact } from './contact';
import type { CorrespondenceType } from './enums';
import type { InteractionTemplate } from './interaction';
import type { SegmentHeaderInput, SegmentHeaderRecord, SegmentLine, SegmentLineInput } from './segment';

type Header = Pick<SegmentHeaderRecord, keyof SegmentHeaderInput>;

/**
 * Correspondence type: the header default if "Ignore Contact Corres. Type" is on and the default is not
 * blank; else the template default if the template says to ignore the contact's type or the contact has
 * none; else the contact's own type.
 */
export function correspondenceTypeFor(
  header: Header,
  contact: Contact | undefined,
  template: InteractionTemplate | undefined,
): CorrespondenceType {
  if (header.ignoreContactCorresType && header.correspondenceTypeDefault !== '')
    return header.correspondenceTypeDefault;
  const own = contact?.correspondenceType ?? '';
  if (template) return template.ignoreContactCorresType || own === '' ? template.correspondenceTypeDefault : own;
  return own === '' ? header.correspondenceTypeDefault : own;
}

/** Language: the contact's if the segment has a letter for that language, else the header default. */
export function languageFor(header: Header, contact: Contact | undefined): string {
  const lang = contact?.languageCode ?? '';
  return lang !== '' && header.letters[lang] ? lang : header.languageCodeDefault;
}

/** Subject: the letter's subject for the line's language where the segment has one, else the header's. */
export function subjectFor(header: Header, languageCode: string): string {
  return header.letters[languageCode]?.subject || header.subjectDefault;
}

/**
 * A line's subject once its Language Code changes (BC's Segment Line "Language Code"): the segment's
 * subject for that language (its letter's, or Subject (Default) for the default language); none when the
 * segment has no letter for it and it is not the default language.
 */
export function subjectOfLanguage(header: Header, languageCode: string): string {
  return header.letters[languageCode] || languageCode === header.languageCodeDefault
    ? subjectFor(header, languageCode)
    : '';
}

/**
 * The letters once Subject (Default) is set (BC's "Subject (Default)"): the segment's letter for the
 * default language takes the subject too, so that new lines of that language get it.
 */
export function lettersWithDefaultSubject(header: Header): Header['letters'] {
  const letter = header.letters[header.languageCodeDefault];
  if (!letter || letter.subject === header.subjectDefault) return header.letters;
  return { ...header.letters, [header.languageCodeDefault]: { ...letter, subject: header.subjectDefault } };
}

/**
 * Subject (Default) once Language Code (Default) changes (BC's "Language Code (Default)"): the subject of
 * the segment's letter for the new language where it has one; otherwise it stays.
 */
export function subjectOfDefaultLanguage(header: Header): string {
  return header.letters[header.languageCodeDefault]?.subject ?? header.subjectDefault;
}

/** The languages the segment has a letter for in one of the two headers and not in the other. */
export function languagesOfChangedLetters(before: Header, after: Header): Set<string> {
  const changed = new Set<string>();
  for (const code of new Set([...Object.keys(before.letters), ...Object.keys(after.letters)]))
    if (code !== '' && !before.letters[code] !== !after.letters[code]) changed.add(code);
  return changed;
}

/**
 * The lines after the segment gains or loses a language's letter (better than BC, which applies the line's
 * language rule only when the contact is put on the line): the language rule applied again. A line whose
 * contact speaks that language and that still has the language and subject the rule gave it takes what
 * the rule gives now: the new letter's language and subject, or, once the letter is gone, the default
 * language and its subject. A line with a language or a subject of its own keeps it. Not a header field
 * the lines inherit: it holds whether or not the header's changes are applied to the lines.
 */
export function linesAfterLetterChange(
  before: Header,
  after: Header,
  lines: readonly SegmentLine[],
  contactsByNo: ReadonlyMap<string, Contact>,
): SegmentLine[] {
  const languages = languagesOfChangedLetters(before, after);
  if (languages.size === 0) return [];
  const out: SegmentLine[] = [];
  for (const line of lines) {
    const contact = contactsByNo.get(line.contactNo);
    if (!contact || !languages.has(contact.languageCode)) continue;
    const given = languageFor(before, contact);
    if (line.languageCode !== given || line.subject !== subjectFor(before, given)) continue;
    const languageCode = languageFor(after, contact);
    const subject = subjectFor(after, languageCode);
    if (languageCode !== line.languageCode || subject !== line.subject) out.push({ ...line, languageCode, subject });
  }
  return out;
}

/** The interaction values a new line takes from the header and its contact. */
export function lineDefaults(
  header: Header,
  contact: Contact | undefined,
  template: InteractionTemplate | undefined,
): SegmentLineInput {
  const languageCode = languageFor(header, contact);
  return {
    description: header.description,
    salespersonCode: header.salespersonCode || contact?.salespersonCode || '',
    interactionTemplateCode: header.interactionTemplateCode,
    interactionGroupCode: header.interactionGroupCode,
    correspondenceType: correspondenceTypeFor(header, contact, template),
    languageCode,
    subject: subjectFor(header, languageCode),
    cost: header.unitCost,
    duration: header.unitDuration,
    date: header.date,
    campaignNo: header.campaignNo,
    campaignTarget: header.campaignTarget,
    campaignResponse: header.campaignResponse,
    informationFlow: header.informationFlow,
    initiatedBy: header.initiatedBy,
    evaluation: '',
    attemptFailed: false,
    comment: '',
  };
}

/**
 * Header values a template sets when it is chosen (its letters and subjects too). Its Campaign No. only
 * when it has one (BC's UpdateSegHeader): a template without a campaign leaves the segment's.
 */
export function headerFromTemplate(template: InteractionTemplate | undefined): Partial<SegmentHeaderInput> {
  if (!template) return { interactionTemplateCode: '', interactionGroupCode: '' };
  const defaultLetter = template.letters[template.languageCodeDefault] ?? template.letters[''];
  return {
    interactionTemplateCode: template.code,
    interactionGroupCode: template.interactionGroupCode,
    unitCost: template.unitCost,
    unitDuration: template.unitDuration,
    informationFlow: template.informationFlow,
    initiatedBy: template.initiatedBy,
    ...(template.campaignNo !== '' ? { campaignNo: template.campaignNo } : {}),
    campaignTarget: template.campaignTarget,
    campaignResponse: template.campaignResponse,
    correspondenceTypeDefault: template.correspondenceTypeDefault,
    ignoreContactCorresType: template.ignoreContactCorresType,
    languageCodeDefault: template.languageCodeDefault,
    letters: structuredClone(template.letters),
    subjectDefault: defaultLetter?.subject ?? '',
  };
}

/**
 * The languages whose letter on the segment is its own (uploaded or changed by the user): not the letter
 * the current template (or none) gives, and not the one the chosen template brings. Choosing that template
 * would replace them: the user is asked first.
 */
export function ownLetterLanguages(
  header: Pick<Header, 'letters'>,
  current: InteractionTemplate | undefined,
  chosen: InteractionTemplate,
): string[] {
  return Object.entries(header.letters)
    .filter(
      ([code, l]) =>
        l.ooxml !== '' &&
        l.ooxml !== (current?.letters[code]?.ooxml ?? '') &&
        l.ooxml !== (chosen.letters[code]?.ooxml ?? ''),
    )
    .map(([code]) => code)
    .sort();
}

/** Header fields whose change asks "apply to the lines?" (a changed letter does not: it is the merge's). */
export const inheritedHeaderFields = [
  'description',
  'salespersonCode',
  'campaignNo',
  'campaignTarget',
  'campaignResponse',
  'correspondenceTypeDefault',
  'ignoreContactCorresType',
  'unitCost',
  'unitDuration',
  'date',
  'interactionTemplateCode',
  'interactionGroupCode',
  'subjectDefault',
  'informationFlow',
  'initiatedBy',
  'languageCodeDefault',
] as const satisfies readonly (keyof SegmentHeaderInput)[];

export function changedInheritedFields(before: Header, after: Header): (typeof inheritedHeaderFields)[number][] {
  return inheritedHeaderFields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/**
 * The lines after a header change, for the lines that follow the header's template (their template equals
 * the header's before the change); lines with their own template keep theirs. When the template changed,
 * every template-derived value is recomputed (better than BC, which leaves cost and duration stale).
 */
export function propagateHeaderChange(
  before: Header,
  after: Header,
  lines: readonly SegmentLine[],
  contactsByNo: ReadonlyMap<string, Contact>,
  template: InteractionTemplate | undefined,
): SegmentLine[] {
  const changed = new Set(changedInheritedFields(before, after));
  if (changed.size === 0) return [];
  const templateChanged = changed.has('interactionTemplateCode');
  const out: SegmentLine[] = [];
  for (const line of lines) {
    if (line.interactionTemplateCode !== before.interactionTemplateCode) continue;
    const contact = contactsByNo.get(line.contactNo);
    const d = lineDefaults(after, contact, template);
    const next: SegmentLine = { ...line };
    const set = <K extends keyof SegmentLineInput>(k: K, when: boolean) => {
      if (when) next[k] = d[k] as SegmentLine[K];
    };
    set('description', changed.has('description'));
    set('salespersonCode', changed.has('salespersonCode'));
    set('campaignNo', changed.has('campaignNo') || templateChanged);
    set('campaignTarget', changed.has('campaignTarget') || templateChanged);
    set('campaignResponse', changed.has('campaignResponse') || templateChanged);
    set('cost', changed.has('unitCost') || templateChanged);
    set('duration', changed.has('unitDuration') || templateChanged);
    set('date', changed.has('date'));
    set('interactionTemplateCode', templateChanged);
    set('interactionGroupCode', templateChanged || changed.has('interactionGroupCode'));
    set('informationFlow', changed.has('informationFlow') || templateChanged);
    set('initiatedBy', changed.has('initiatedBy') || templateChanged);
    set(
      'correspondenceType',
      changed.has('correspondenceTypeDefault') || changed.has('ignoreContactCorresType') || templateChanged,
    );
    set('languageCode', changed.has('languageCodeDefault') || templateChanged);
    if (changed.has('languageCodeDefault') || templateChanged) set('subject', true);
    else if (
      changed.has('subjectDefault') &&
      line.languageCode === after.languageCodeDefault &&
      (line.subject === before.subjectDefault || line.subject === subjectFor(before, before.languageCodeDefault))
    )
      // BC's "Subject (Default)": the lines of the default language that still had the old default subject.
      next.subject = after.subjectDefault;
    if (JSON.stringify(next) !== JSON.stringify(line)) out.push(next);
  }
  return out;
}
