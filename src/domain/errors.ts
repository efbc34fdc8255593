// Every refusal of the workspace is a SegmentsError with a stable code (workspace-api.md, "Errors").
export const errorCodes = [
  'NOT_FOUND',
  'INVALID_INPUT',
  'INVALID_FILTER',
  'DUPLICATE_CONTACT',
  'NO_CRITERIA_ACTIONS',
  'SAVED_CRITERIA_EXISTS',
  'ALREADY_LOGGED',
  'DESCRIPTION_REQUIRED',
  /** Logging needs the User ID of My profile: every entry records who logged it. */
  'USER_ID_REQUIRED',
  'SEGMENT_EMPTY',
  'LINE_INCOMPLETE',
  /** A line's code that its list no longer has (a removed salesperson): BC's table relation refuses it. */
  'LINE_CODE_NOT_FOUND',
  'EMAIL_MISSING',
  'LETTER_MISSING',
  'LOGGED_SEGMENT_CANCELED',
  'NOTHING_TO_UNDO',
  'INVALID_PACKAGE',
  'CONFLICT',
  /** Insert of a record whose key is already in its list (BC: "The … already exists."). */
  'ALREADY_EXISTS',
] as const;
export type SegmentsErrorCode = (typeof errorCodes)[number];

export interface SegmentsErrorDetails {
  field?: string;
  lineNo?: number;
  contactNo?: string;
  index?: number;
  position?: number;
  segmentNo?: string;
  code?: string;
  [key: string]: unknown;
}

export class SegmentsError extends Error {
  readonly code: SegmentsErrorCode;
  readonly details: SegmentsErrorDetails;

  constructor(code: SegmentsErrorCode, message: string, details: SegmentsErrorDetails = {}) {
    super(message);
    this.name = 'SegmentsError';
    this.code = code;
    this.details = details;
  }
}

export function isSegmentsError(e: unknown, code?: SegmentsErrorCode): e is SegmentsError {
  return e instanceof SegmentsError && (code === undefined || e.code === code);
}
