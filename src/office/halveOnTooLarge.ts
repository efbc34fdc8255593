// The one way every adapter sends work in blocks: a block the host refuses as too large is halved and
// retried, and the blocks after it are no larger than the half that went through. Excel and Word both
// use it (reading, exporting, writing numbers back, reading merged letters back).
import { OFFICE_REQUEST_CAP, PAYLOAD_ERROR_CODES } from '../domain/officeLimits';

/**
 * The host refused a request or a response as too large: one of the codes Office documents for it, or
 * (hosts that answer with a general error) a request we measured over the cap. Message text is not read.
 */
export function isTooLarge(e: unknown, measuredBytes?: number, cap: number = OFFICE_REQUEST_CAP): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = String((e as { code?: unknown }).code ?? '');
  if (PAYLOAD_ERROR_CODES.some((c) => c.toLowerCase() === code.toLowerCase())) return true;
  return measuredBytes !== undefined && measuredBytes > cap;
}

export interface HalvingOptions {
  /** Whether an error means "too large" for this block (default: isTooLarge(e)). */
  tooLarge?: (e: unknown, start: number, count: number) => boolean;
  /** The error to throw when a single item is still too large (default: the host's error). */
  single?: (start: number, e: unknown) => Error;
  signal?: AbortSignal;
}

export interface HalvingResult {
  /** Blocks that went through, and attempts the host refused as too large. */
  blocks: number;
  refused: number;
}

/**
 * Sends items [0, total) in blocks: `size(start)` proposes how many items the next block takes,
 * `send(start, count)` queues and syncs them (one round trip). A refusal halves the block and retries it.
 */
export async function sendHalving(
  total: number,
  size: (start: number) => number,
  send: (start: number, count: number) => Promise<void>,
  opts: HalvingOptions = {},
): Promise<HalvingResult> {
  const tooLarge = opts.tooLarge ?? ((e: unknown) => isTooLarge(e));
  let limit = Infinity;
  let blocks = 0;
  let refused = 0;
  for (let start = 0; start < total;) {
    opts.signal?.throwIfAborted();
    let n = Math.max(1, Math.min(total - start, Math.floor(size(start)), limit));
    for (;;) {
      try {
        await send(start, n);
        break;
      } catch (e) {
        if (!tooLarge(e, start, n)) throw e;
        refused++;
        if (n === 1) throw opts.single ? opts.single(start, e) : e;
        n = Math.ceil(n / 2);
        limit = n;
      }
    }
    blocks++;
    start += n;
  }
  return { blocks, refused };
}

/** Thrown by a `send` whose host answered a huge range with no values instead of an error. */
export class NoValuesAnswered extends Error {
  readonly code = 'ResponsePayloadSizeLimitExceeded';
  constructor() {
    super('The host answered with no values: treated as a response over its size limit.');
    this.name = 'NoValuesAnswered';
  }
}
