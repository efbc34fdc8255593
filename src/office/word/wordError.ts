// Errors from Word keep their code (OfficeExtension.Error.code) so the pane can say what happened.
import { isTooLarge } from '../halveOnTooLarge';

export class WordHostError extends Error {
  readonly code: string;
  /** Where in the batch Word failed (debugInfo.errorLocation), when it says. */
  readonly location?: string;

  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = 'WordHostError';
    this.code = code;
    this.location = location;
  }
}

export function toWordHostError(e: unknown): WordHostError {
  if (e instanceof WordHostError) return e;
  const o = (e ?? {}) as { code?: unknown; message?: unknown; debugInfo?: { errorLocation?: unknown } };
  const code = typeof o.code === 'string' ? o.code : 'GeneralException';
  const message = typeof o.message === 'string' ? o.message : String(e);
  const location = typeof o.debugInfo?.errorLocation === 'string' ? o.debugInfo.errorLocation : undefined;
  return new WordHostError(code, message, location);
}

/** Word's answers to a request or response that is too large: the documented codes, or (when Word
 * answers with a general error) a request measured over the cap. */
export function isPayloadTooLarge(e: WordHostError, measuredBytes?: number, cap?: number): boolean {
  return isTooLarge(e, measuredBytes, cap);
}
