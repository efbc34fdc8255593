// A scan over a request body as it arrives, before JSON.parse: nesting deeper than `maxDepth` or an array
// longer than `maxArray` is refused at the byte that breaks the limit, without building anything and
// without waiting for the rest of the body (JSON.parse of a 2M-element array costs seconds and hundreds
// of megabytes; 5,000 levels overflow the parser's stack).

export interface JsonLimits {
  maxDepth: number;
  maxArray: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxDepth: 64, maxArray: 100_000 };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** Fed chunk by chunk; `push` returns the broken limit as a reason naming the byte, or undefined. */
export class JsonScanner {
  /** Per open container: the commas seen at its own level for an array, -1 for an object. */
  private readonly counts: Int32Array;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private offset = 0;

  constructor(private readonly limits: JsonLimits = DEFAULT_JSON_LIMITS) {
    this.counts = new Int32Array(limits.maxDepth + 1);
  }

  push(chunk: Uint8Array): string | undefined {
    const { counts, limits } = this;
    let { depth, inString, escaped } = this;
    try {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        if (inString) {
          if (escaped) escaped = false;
          else if (b === BACKSLASH) escaped = true;
          else if (b === QUOTE) inString = false;
          continue;
        }
        if (b === QUOTE) inString = true;
        else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
          if (depth === limits.maxDepth)
            return `the JSON is nested deeper than ${limits.maxDepth} levels (at byte ${this.offset + i})`;
          counts[depth++] = b === OPEN_ARRAY ? 0 : -1;
        } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) {
          if (depth > 0) depth--;
        } else if (b === COMMA && depth > 0 && counts[depth - 1] >= 0) {
          if (++counts[depth - 1] >= limits.maxArray)
            return `the JSON holds an array of more than ${limits.maxArray} elements (at byte ${this.offset + i})`;
        }
      }
      return undefined;
    } finally {
      this.depth = depth;
      this.inString = inString;
      this.escaped = escaped;
      this.offset += chunk.length;
    }
  }
}

/** The whole body at once. */
export function jsonLimitBroken(body: Uint8Array, limits: JsonLimits = DEFAULT_JSON_LIMITS): string | undefined {
  return new JsonScanner(limits).push(body);
}
