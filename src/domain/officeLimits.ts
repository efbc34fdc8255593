// The size limits of an Office request, stated once for the Excel and the Word adapters.

/** No request to Excel or Word, nor any response asked of them, may carry more than this: Excel on the
 * web refuses about 5 MB, large `insertOoxml` payloads fail in Word. 4 MB in decimal bytes, so that
 * either reading of "4 MB" holds. */
export const OFFICE_REQUEST_CAP = 4_000_000;

/** The error codes Office documents for a request or a response over its size limit. */
export const PAYLOAD_ERROR_CODES: readonly string[] = [
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
];
