// Log (segments.md, section 3 "Log"): the checks, and the interaction log entries a segment becomes.
import type { Contact } from './contact';
import type { InteractionTemplate } from './interaction';
import type { InteractionLogEntryDraft, LogBlocker, LogOptions, LogPreview } from './log';
import type { SegmentHeaderRecord, SegmentLine } from './segment';

export interface LogPlanInput {
  header: SegmentHeaderRecord;
  lines: readonly SegmentLine[];
  contactsByNo: ReadonlyMap<string, Contact>;
  templatesByCode: ReadonlyMap<string, InteractionTemplate>;
  /** Whether a logged segment with this number exists already. */
  alreadyLogged: boolean;
  options: LogOptions;
  date: string;
  time: string;
  /** The profile's User ID. */
  userId: string;
  /** The user the team server knows this pane as (see PaneLogOptions): when given, the entries carry it. */
  serverUser?: string;
  /** The codes of Salespeople the lines name that exist; when given, a line naming another is a blocker. */
  salespersonCodes?: ReadonlySet<string>;
}

/**
 * Log's options as the pane gives them: BC's, and, on a team server that knows the user (personal keys),
 * that user's name. The server stamps it on the logged segment and on every entry from the key, whatever
 * the profile says: the pane writes the same, and the profile's User ID is not needed to log.
 */
export type PaneLogOptions = LogOptions & { serverUser?: string };

/** The user a log records: the team server's when it knows this pane's user, else the profile's User ID. */
export const loggingUser = (input: Pick<LogPlanInput, 'userId' | 'serverUser'>): string =>
  input.serverUser?.trim() || input.userId;

/** The letter a line's contact gets: the merged one, else the line's own, else the segment's (or its template's) for the line's language. */
export function letterForLine(
  input: Pick<LogPlanInput, 'header' | 'templatesByCode' | 'options'>,
  line: SegmentLine,
): string | undefined {
  const merged = input.options.letters?.find((l) => l.lineNo === line.lineNo)?.ooxml;
  if (merged) return merged;
  if (line.letter) return line.letter;
  const fromHeader = input.header.letters[line.languageCode] ?? input.header.letters[''];
  if (fromHeader?.ooxml) return fromHeader.ooxml;
  const template = input.templatesByCode.get(line.interactionTemplateCode);
  const fromTemplate = template?.letters[line.languageCode] ?? template?.letters[''];
  return fromTemplate?.ooxml || undefined;
}

/** Every blocker and the entries logging would write, in line order; `log` refuses on the first blocker. */
export function planLog(input: LogPlanInput): LogPreview {
  const { header, options } = input;
  const blockers: LogBlocker[] = [];
  const entries: InteractionLogEntryDraft[] = [];
  if (input.alreadyLogged) {
    blockers.push({ code: 'ALREADY_LOGGED', message: `Segment ${header.no} has already been logged` });
  }
  if (header.description.trim() === '') {
    blockers.push({
      code: 'DESCRIPTION_REQUIRED',
      field: 'description',
      message: `Segment ${header.no} must have a description to be logged`,
    });
  }
  const userId = loggingUser(input);
  if (userId.trim() === '') {
    // Every entry carries the user who logged it; an empty profile would log them as nobody's. One
    // blocker for the segment: the profile is the user's, not a line's.
    blockers.push({
      code: 'USER_ID_REQUIRED',
      field: 'userId',
      message: 'The User ID of My profile must have a value to log a segment',
    });
  }
  const withContact = [...input.lines].filter((l) => l.contactNo !== '').sort((a, b) => a.lineNo - b.lineNo);
  if (withContact.length === 0) {
    blockers.push({ code: 'SEGMENT_EMPTY', message: `Segment ${header.no} has no line with a contact` });
  }
  for (const line of withContact) {
    const at = { lineNo: line.lineNo, contactNo: line.contactNo };
    const contact = input.contactsByNo.get(line.contactNo);
    if (!contact) {
      blockers.push({
        ...at,
        code: 'NOT_FOUND',
        field: 'contactNo',
        message: `Line ${line.lineNo}: contact ${line.contactNo} does not exist`,
      });
      continue;
    }
    const missing = (
      [
        ['date', 'Date'],
        ['salespersonCode', 'Salesperson Code'],
        ['interactionTemplateCode', 'Interaction Template Code'],
      ] as const
    ).filter(([f]) => line[f] === '');
    for (const [field, caption] of missing) {
      blockers.push({
        ...at,
        code: 'LINE_INCOMPLETE',
        field,
        message: `Line ${line.lineNo} (contact ${line.contactNo}): ${caption} must have a value`,
      });
    }
    // BC's table relation: the entry's Salesperson Code must be in Salespeople (one removed since is not).
    if (line.salespersonCode !== '' && input.salespersonCodes && !input.salespersonCodes.has(line.salespersonCode)) {
      blockers.push({
        ...at,
        code: 'LINE_CODE_NOT_FOUND',
        field: 'salespersonCode',
        message: `Line ${line.lineNo} (contact ${line.contactNo}): Salesperson Code ${line.salespersonCode} is not in Salespeople`,
      });
    }
    let correspondenceType = line.correspondenceType;
    if (correspondenceType === 'Email' && contact.email === '') {
      if (options.sendAttachments) {
        blockers.push({
          ...at,
          code: 'EMAIL_MISSING',
          field: 'email',
          message: `Contact ${contact.no} ${contact.name} has no e-mail address for an Email interaction`,
        });
      }
      correspondenceType = '';
    }
    const letter = letterForLine(input, line);
    if (options.sendAttachments && correspondenceType === 'Hard Copy' && !letter) {
      blockers.push({
        ...at,
        code: 'LETTER_MISSING',
        field: 'letter',
        message: `Line ${line.lineNo} (contact ${line.contactNo}): a Hard Copy interaction needs a letter, merged or from the template`,
      });
    }
    const merged = options.letters?.find((l) => l.lineNo === line.lineNo)?.ooxml;
    entries.push({
      segmentNo: header.no,
      segmentLineNo: line.lineNo,
      contactNo: line.contactNo,
      contactCompanyNo: line.contactCompanyNo,
      date: line.date || input.date,
      time: input.time,
      description: line.description,
      subject: line.subject,
      interactionTemplateCode: line.interactionTemplateCode,
      interactionGroupCode: line.interactionGroupCode,
      correspondenceType,
      languageCode: line.languageCode,
      salespersonCode: line.salespersonCode,
      informationFlow: line.informationFlow,
      initiatedBy: line.initiatedBy,
      cost: line.cost,
      duration: line.duration,
      attemptFailed: line.attemptFailed,
      evaluation: line.evaluation,
      campaignNo: line.campaignNo,
      campaignTarget: line.campaignTarget,
      campaignResponse: line.campaignResponse,
      canceled: false,
      deliveryStatus: '',
      userId,
      comment: line.comment,
      letter: merged ?? (options.sendAttachments && correspondenceType !== '' ? letter : undefined),
    });
  }
  return { entries, blockers };
}
