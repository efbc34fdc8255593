// A1 addresses as Excel returns them ("Sheet1!A1:L9", "'My, Sheet'!C5,'My, Sheet'!D7:E8").

export interface Area {
  /** 0-based. */
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** Splits a multi-area address at the commas that are not inside a quoted sheet name. */
function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

export function parseAreas(address: string): Area[] {
  return splitAreas(address).map((a) => {
    const ref = a.slice(a.lastIndexOf('!') + 1);
    const [from, to = from] = ref.split(':');
    const f = CELL.exec(from);
    const t = CELL.exec(to);
    if (!f || !t) throw new Error(`Unexpected range address from Excel: ${a}`);
    const r0 = Number(f[2]) - 1;
    const c0 = columnIndex(f[1]);
    const r1 = Number(t[2]) - 1;
    const c1 = columnIndex(t[1]);
    return {
      row: Math.min(r0, r1),
      column: Math.min(c0, c1),
      rowCount: Math.abs(r1 - r0) + 1,
      columnCount: Math.abs(c1 - c0) + 1,
    };
  });
}

/** The sheet part of an address, unquoted ("'My Sheet'!A1" → "My Sheet"). */
export function sheetOf(address: string): string {
  const i = address.lastIndexOf('!');
  if (i < 0) return '';
  const s = address.slice(0, i);
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}
