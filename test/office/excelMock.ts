/* eslint-disable @typescript-eslint/no-this-alias -- the mock hands `this` to object literals that office.js code calls as methods */
// A small Excel object model over office-addin-mock, faithful where our adapter depends on it:
// - ranges are OfficeMockObjects: a property reads as "not loaded" until load() + sync();
// - context.sync() is one round trip: it applies the queued writes in order, then answers the loads;
// - like Excel on the web, a request or a response over 5 MB is refused (RichApi error), and nothing of
//   that batch is applied;
// - a text written into a cell that is not formatted as text (`@`) and starts with `=` becomes a formula.
// Every batch is recorded (writes in order, request and response bytes) for the tests to assert on.
import { OfficeMockObject } from 'office-addin-mock';

export type MockValue = string | number | boolean;
export interface MockCell {
  value: MockValue;
  text?: string;
  format?: string;
  type?: 'String' | 'Double' | 'Boolean' | 'Error' | 'Empty';
  formula?: string;
}

export interface MockSheet {
  name: string;
  cells: (MockCell | undefined)[][];
  hiddenRows: Set<number>;
  merged: { row: number; column: number; rowCount: number; columnCount: number }[];
}

export interface MockTable {
  name: string;
  sheet: string;
  row: number;
  column: number;
  /** Header included. */
  rowCount: number;
  columnCount: number;
  showTotals?: boolean;
}

export interface Op {
  kind: 'set' | 'call';
  name: string;
  address: string;
  value?: unknown;
}

export interface Batch {
  ops: Op[];
  requestBytes: number;
  responseBytes: number;
  refused?: 'request' | 'response';
  /** When the mock host worked on the batch (performance.now() at start and end): its own time, not the add-in's. */
  span?: [number, number];
}

export const HOST_LIMIT = 5 * 1024 * 1024;

// Buffer in Node, TextEncoder in the browser (the Excel import bench runs this mock in a page).
const encoder = new TextEncoder();
const bytes = (v: unknown) => {
  const s = JSON.stringify(v) ?? '';
  return typeof Buffer !== 'undefined' ? Buffer.byteLength(s) : encoder.encode(s).length;
};

class HostError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
  }
}

export function letters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
const addr = (sheet: string, r: number, c: number, rows: number, cols: number) =>
  `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet}'`}!${letters(c)}${r + 1}:${letters(c + cols - 1)}${r + rows}`;

export class ExcelMock {
  readonly sheets = new Map<string, MockSheet>();
  readonly tables: MockTable[] = [];
  /** The workbook's defined names (one namespace with the tables' names). */
  readonly definedNames: string[] = [];
  readonly batches: Batch[] = [];
  workbookName = 'Contacts.xlsx';
  active = '';
  selection: { sheet: string; row: number; column: number; rowCount: number; columnCount: number } = {
    sheet: '',
    row: 0,
    column: 0,
    rowCount: 1,
    columnCount: 1,
  };
  /** The last range selected through the API. */
  selected?: string;
  readonly context: any;
  private ops: Op[] = [];
  private applyQueue: (() => void)[] = [];
  private pending: { obj: any; props: Set<string>; compute: (p: string) => unknown }[] = [];
  private plainPending: { fill: () => number }[] = [];
  private errors: HostError[] = [];

  /**
   * Answer each sync in a task of its own, as a real host does (its answer arrives as a message or a
   * network response), instead of within the caller's task. The adapter's code then runs in tasks that
   * the page can measure apart from the mock's own work. Off by default (tests run faster without).
   */
  private readonly answerInTask: boolean;

  constructor(options: { answerInTask?: boolean } = {}) {
    this.answerInTask = options.answerInTask ?? false;
    const self = this;
    this.context = new OfficeMockObject({
      workbook: {
        name: this.workbookName,
        use1904DateSystem: false,
        getSelectedRange() {
          const s = self.selection;
          return self.range(s.sheet, s.row, s.column, s.rowCount, s.columnCount);
        },
      },
      sync: () => self.sync(),
    });
    this.context.workbook.worksheets = this.sheetCollection();
    this.context.workbook.tables = this.tableCollection();
    this.context.workbook.names = this.nameCollection();
  }

  /** The workbook counts its dates from 1904 (Workbook.use1904DateSystem). */
  setDate1904(on: boolean): void {
    this.context.workbook.setValue('use1904DateSystem', on);
  }

  /** Excel.run as the adapter calls it. */
  run = <T>(batch: (ctx: any) => Promise<T>): Promise<T> => batch(this.context);

  addSheet(name: string, rows: (MockCell | MockValue | null)[][] = []): MockSheet {
    const sheet: MockSheet = {
      name,
      cells: rows.map((r) => r.map((c) => (c === null ? undefined : typeof c === 'object' ? c : { value: c }))),
      hiddenRows: new Set(),
      merged: [],
    };
    this.sheets.set(name, sheet);
    if (!this.active) this.active = name;
    return sheet;
  }

  cell(sheet: string, r: number, c: number): MockCell | undefined {
    return this.sheets.get(sheet)?.cells[r]?.[c];
  }

  get syncCount(): number {
    return this.batches.length;
  }

  // ---- the round trip ----
  private async sync(): Promise<void> {
    const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (this.answerInTask) await nextTask();
    const t0 = performance.now();
    const before = this.batches.length;
    try {
      await this.answer();
    } finally {
      const batch = this.batches[before];
      if (batch) batch.span = [t0, performance.now()];
      if (this.answerInTask) await nextTask();
    }
  }

  private async answer(): Promise<void> {
    const ops = this.ops;
    const apply = this.applyQueue;
    const pending = this.pending;
    const plain = this.plainPending;
    const errors = this.errors;
    this.ops = [];
    this.applyQueue = [];
    this.pending = [];
    this.plainPending = [];
    this.errors = [];
    const requestBytes = bytes(ops) + 64 * pending.length;
    const batch: Batch = { ops, requestBytes, responseBytes: 0 };
    this.batches.push(batch);
    if (requestBytes > HOST_LIMIT) {
      batch.refused = 'request';
      throw new HostError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size (${requestBytes} bytes) has exceeded the limit.`,
      );
    }
    if (errors.length) throw errors[0];
    for (const a of apply) a();
    let responseBytes = 0;
    const answers: [any, string, unknown][] = [];
    for (const p of pending) {
      for (const prop of p.props) {
        const v = p.compute(prop);
        responseBytes += bytes(v ?? null);
        answers.push([p.obj, prop, v]);
      }
    }
    for (const f of plain) responseBytes += f.fill();
    batch.responseBytes = responseBytes;
    if (responseBytes > HOST_LIMIT) {
      batch.refused = 'response';
      throw new HostError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size (${responseBytes} bytes) has exceeded the limit.`,
      );
    }
    for (const [obj, prop, v] of answers) {
      obj.setValue(prop, v);
      obj.load(prop);
    }
    for (const p of pending) await p.obj.sync();
    await OfficeMockObject.prototype.sync.call(this.context);
  }

  private record(op: Op, applyFn?: () => void) {
    this.ops.push(op);
    if (applyFn) this.applyQueue.push(applyFn);
  }

  // ---- ranges: OfficeMockObjects, values computed when the batch runs ----
  range(sheetName: string, row: number, column: number, rowCount: number, columnCount: number, isNull = false): any {
    const self = this;
    const address = addr(sheetName, row, column, rowCount, columnCount);
    const base = new OfficeMockObject({
      address: '',
      rowIndex: 0,
      columnIndex: 0,
      rowCount: 0,
      columnCount: 0,
      cellCount: 0,
      rowHidden: false,
      values: 0,
      text: 0,
      numberFormat: 0,
      valueTypes: 0,
      isNullObject: false,
    }) as any;
    const entry = {
      obj: base,
      props: new Set<string>(['isNullObject']),
      compute: (p: string) => self.rangeProp(sheetName, row, column, rowCount, columnCount, p, isNull),
    };
    this.pending.push(entry);
    const ws = () => this.sheetObject(sheetName);
    const methods: Record<string, unknown> = {
      load(props: string) {
        for (const p of props.split(',')) entry.props.add(p.trim());
        if (!self.pending.includes(entry)) self.pending.push(entry);
        return base.load(props);
      },
      get worksheet() {
        return ws();
      },
      get __address() {
        return address;
      },
      getMergedAreasOrNullObject: () =>
        this.areas(sheetName, () => this.mergedIn(sheetName, row, column, rowCount, columnCount)),
      getSpecialCellsOrNullObject: (kind: string) => {
        if (kind !== 'Visible') throw new Error(`mock: special cells ${kind} not modelled`);
        return this.areas(sheetName, () => this.visibleIn(sheetName, row, column, rowCount, columnCount));
      },
      getUsedRangeOrNullObject: () => {
        const u = this.usedBox(sheetName, { row, column, rowCount, columnCount });
        return u
          ? this.range(sheetName, u.row, u.column, u.rowCount, u.columnCount)
          : this.range(sheetName, 0, 0, 1, 1, true);
      },
      getRow: (i: number) => this.range(sheetName, row + i, column, 1, columnCount),
      findOrNullObject: (text: string, crit: { completeMatch?: boolean; matchCase?: boolean }) => {
        const hit = this.find(sheetName, row, column, rowCount, columnCount, text, crit);
        return hit ? this.range(sheetName, hit.r, hit.c, 1, 1) : this.range(sheetName, 0, 0, 1, 1, true);
      },
      select: () => this.record({ kind: 'call', name: 'select', address }, () => (this.selected = address)),
      insert: (dir: string) =>
        this.record({ kind: 'call', name: `insert${dir}`, address }, () => this.insertColumn(sheetName, column)),
      format: { autofitColumns: () => this.record({ kind: 'call', name: 'autofitColumns', address }) },
    };
    return new Proxy(base, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && prop in methods) {
          const d = Object.getOwnPropertyDescriptor(methods, prop)!;
          return d.get ? d.get.call(methods) : d.value;
        }
        return Reflect.get(target, prop, receiver);
      },
      set(target, prop, value, receiver) {
        const internal = target._properties?.get(prop)?._value === value;
        if (!internal && (prop === 'values' || prop === 'numberFormat')) {
          self.record({ kind: 'set', name: prop, address, value }, () =>
            self.write(sheetName, row, column, rowCount, columnCount, prop, value),
          );
          return true;
        }
        return Reflect.set(target, prop, value, receiver);
      },
    });
  }

  private rangeProp(
    sheet: string,
    row: number,
    column: number,
    rowCount: number,
    columnCount: number,
    p: string,
    isNull: boolean,
  ): unknown {
    if (p === 'isNullObject') return isNull;
    if (isNull) return undefined; // a null object's properties are not there (office.js gives undefined)
    const grid = (f: (c: MockCell | undefined) => unknown) =>
      Array.from({ length: rowCount }, (_, i) =>
        Array.from({ length: columnCount }, (_, j) => f(this.cell(sheet, row + i, column + j))),
      );
    switch (p) {
      case 'address':
        return addr(sheet, row, column, rowCount, columnCount);
      case 'rowIndex':
        return row;
      case 'columnIndex':
        return column;
      case 'rowCount':
        return rowCount;
      case 'columnCount':
        return columnCount;
      case 'cellCount':
        return rowCount * columnCount;
      case 'rowHidden': {
        const hidden = this.sheets.get(sheet)?.hiddenRows ?? new Set<number>();
        let n = 0;
        for (const h of hidden) if (h >= row && h < row + rowCount) n++;
        return n === 0 ? false : n === rowCount ? true : null;
      }
      case 'values':
        return grid((c) => (c ? c.value : ''));
      case 'text':
        return grid((c) => (c ? (c.text ?? shownText(c)) : ''));
      case 'numberFormat':
        return grid((c) => c?.format ?? 'General');
      case 'valueTypes':
        return grid((c) => (c ? (c.type ?? typeOf(c.value)) : 'Empty'));
      default:
        throw new Error(`mock: range property ${p} not modelled`);
    }
  }

  private write(
    sheetName: string,
    row: number,
    column: number,
    rowCount: number,
    columnCount: number,
    prop: string,
    value: any[][],
  ) {
    const sheet = this.sheets.get(sheetName)!;
    if (!Array.isArray(value) || value.length !== rowCount || value.some((r) => r.length !== columnCount)) {
      throw new HostError('InvalidArgument', `mock: ${prop} is not a ${rowCount}×${columnCount} array`);
    }
    for (let i = 0; i < rowCount; i++) {
      const r = (sheet.cells[row + i] ??= []);
      for (let j = 0; j < columnCount; j++) {
        const cell = (r[column + j] ??= { value: '' });
        const v = value[i][j];
        if (prop === 'numberFormat') cell.format = v;
        else if (typeof v === 'string' && v.startsWith('=') && cell.format !== '@') {
          cell.formula = v;
          cell.value = 0;
          cell.type = 'Double';
        } else {
          cell.value = cell.format === '@' && typeof v !== 'string' ? String(v) : v;
          delete cell.formula;
          delete cell.type;
          delete cell.text;
        }
      }
    }
  }

  private insertColumn(sheetName: string, column: number) {
    for (const r of this.sheets.get(sheetName)!.cells) if (r && r.length > column) r.splice(column, 0, undefined);
  }

  private usedBox(sheetName: string, within?: { row: number; column: number; rowCount: number; columnCount: number }) {
    const sheet = this.sheets.get(sheetName);
    if (!sheet) return undefined;
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    const rs = within ? within.row : 0;
    const re = within ? Math.min(sheet.cells.length, within.row + within.rowCount) : sheet.cells.length;
    for (let r = rs; r < re; r++) {
      const cells = sheet.cells[r];
      if (!cells) continue;
      const cs = within ? within.column : 0;
      const ce = within ? Math.min(cells.length, within.column + within.columnCount) : cells.length;
      for (let c = cs; c < ce; c++) {
        const x = cells[c];
        if (x && x.value !== '' && x.value !== null) {
          r0 = Math.min(r0, r);
          r1 = Math.max(r1, r);
          c0 = Math.min(c0, c);
          c1 = Math.max(c1, c);
        }
      }
    }
    return r1 < 0 ? undefined : { row: r0, column: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
  }

  private find(
    sheet: string,
    row: number,
    column: number,
    rowCount: number,
    columnCount: number,
    text: string,
    crit: { completeMatch?: boolean; matchCase?: boolean },
  ) {
    const eq = (s: string) => {
      const a = crit.matchCase ? s : s.toLowerCase();
      const b = crit.matchCase ? text : text.toLowerCase();
      return crit.completeMatch ? a === b : a.includes(b);
    };
    for (let r = row; r < row + rowCount; r++)
      for (let c = column; c < column + columnCount; c++) {
        const x = this.cell(sheet, r, c);
        if (x && eq(x.text ?? shownText(x))) return { r, c };
      }
    return undefined;
  }

  private mergedIn(sheet: string, row: number, column: number, rowCount: number, columnCount: number): string | null {
    const m = (this.sheets.get(sheet)?.merged ?? []).filter(
      (a) =>
        a.row < row + rowCount &&
        a.row + a.rowCount > row &&
        a.column < column + columnCount &&
        a.column + a.columnCount > column,
    );
    return m.length ? m.map((a) => addr(sheet, a.row, a.column, a.rowCount, a.columnCount)).join(',') : null;
  }

  private visibleIn(sheet: string, row: number, column: number, rowCount: number, columnCount: number): string | null {
    const hidden = this.sheets.get(sheet)?.hiddenRows ?? new Set<number>();
    const areas: string[] = [];
    let start = -1;
    for (let r = row; r <= row + rowCount; r++) {
      const visible = r < row + rowCount && !hidden.has(r);
      if (visible && start < 0) start = r;
      if (!visible && start >= 0) {
        areas.push(addr(sheet, start, column, r - start, columnCount));
        start = -1;
      }
    }
    return areas.length ? areas.join(',') : null;
  }

  /** RangeAreas: address and isNullObject, answered when the batch runs. */
  private areas(_sheet: string, compute: () => string | null): any {
    const o: any = { isNullObject: undefined, address: undefined };
    let loaded = false;
    o.load = () => {
      loaded = true;
      return o;
    };
    this.plainPending.push({
      fill: () => {
        const a = compute();
        o.isNullObject = a === null;
        o.address = loaded && a !== null ? a : undefined;
        return loaded && a ? bytes(a) : 0;
      },
    });
    return o;
  }

  // ---- worksheets and tables (plain objects: names readable once synced) ----
  private sheetObject(name: string, missing = false): any {
    return {
      get name() {
        return name;
      },
      isNullObject: missing,
      load() {
        return this;
      },
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => this.range(name, r, c, rows, cols),
      getRange: (a: string) => {
        const m = /^([A-Z]+):\1$/.exec(a);
        if (!m) throw new Error(`mock: getRange(${a}) not modelled`);
        let col = 0;
        for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
        return this.range(name, 0, col - 1, 1_048_576, 1);
      },
      getUsedRangeOrNullObject: () => {
        const u = this.usedBox(name);
        return u ? this.range(name, u.row, u.column, u.rowCount, u.columnCount) : this.range(name, 0, 0, 1, 1, true);
      },
      activate: () => this.record({ kind: 'call', name: 'activate', address: name }, () => (this.active = name)),
      delete: () => this.record({ kind: 'call', name: 'deleteSheet', address: name }, () => this.sheets.delete(name)),
      tables: {
        add: (range: any, hasHeaders: boolean) => {
          const t: any = { _name: '' };
          const area = String(range.__address ?? '');
          this.record({ kind: 'call', name: 'addTable', address: area, value: hasHeaders }, () => {
            const [, ref] = area.split('!');
            const [from, to] = ref.split(':');
            const p = (s: string) => {
              const mm = /^([A-Z]+)(\d+)$/.exec(s)!;
              let cc = 0;
              for (const ch of mm[1]) cc = cc * 26 + ch.charCodeAt(0) - 64;
              return { r: Number(mm[2]) - 1, c: cc - 1 };
            };
            const a = p(from);
            const b = p(to);
            this.tables.push({
              name: t._name || `Table${this.tables.length + 1}`,
              sheet: name,
              row: a.r,
              column: a.c,
              rowCount: b.r - a.r + 1,
              columnCount: b.c - a.c + 1,
            });
          });
          return new Proxy(t, {
            set: (target, prop, value) => {
              if (prop === 'name')
                this.record({ kind: 'set', name: 'tableName', address: area, value }, () => {
                  const taken = [...this.definedNames, ...this.tables.slice(0, -1).map((x) => x.name)].some(
                    (n) => n.toLowerCase() === String(value).toLowerCase(),
                  );
                  if (taken) throw new HostError('InvalidArgument', `mock: the name ${value} is already in use`);
                  this.tables[this.tables.length - 1].name = value;
                });
              target[prop === 'name' ? '_name' : (prop as string)] = value;
              return true;
            },
          });
        },
      },
    };
  }

  private sheetCollection(): any {
    const self = this;
    const coll: any = {
      items: undefined,
      load() {
        self.plainPending.push({
          fill: () => {
            coll.items = [...self.sheets.keys()].map((n) => ({ name: n }));
            return bytes(coll.items);
          },
        });
        return coll;
      },
      getItem: (name: string) => {
        if (!self.sheets.has(name)) self.errors.push(new HostError('ItemNotFound', `mock: no sheet ${name}`));
        return self.sheetObject(name);
      },
      getItemOrNullObject: (name: string) => self.sheetObject(name, !self.sheets.has(name)),
      getActiveWorksheet: () => self.sheetObject(self.active),
      add: (name: string) => {
        self.record({ kind: 'call', name: 'addSheet', address: name }, () => {
          if (self.sheets.has(name)) throw new HostError('ItemAlreadyExists', `mock: sheet ${name} exists`);
          self.addSheet(name);
        });
        return self.sheetObject(name);
      },
    };
    return coll;
  }

  private nameCollection(): any {
    const self = this;
    const coll: any = {
      items: undefined,
      load() {
        self.plainPending.push({
          fill: () => {
            coll.items = self.definedNames.map((n) => ({ name: n }));
            return bytes(coll.items);
          },
        });
        return coll;
      },
    };
    return coll;
  }

  private tableCollection(): any {
    const self = this;
    const tableObject = (t: MockTable | undefined, name: string) => ({
      name: t?.name ?? name,
      showTotals: t?.showTotals ?? false,
      isNullObject: !t,
      load() {
        return this;
      },
      worksheet: t ? self.sheetObject(t.sheet) : self.sheetObject('', true),
      getRange: () =>
        t ? self.range(t.sheet, t.row, t.column, t.rowCount, t.columnCount) : self.range('', 0, 0, 1, 1, true),
      columns: {
        add: (_i: unknown, _v: unknown, header: string) =>
          self.record({ kind: 'call', name: 'addTableColumn', address: t!.name, value: header }, () => {
            t!.columnCount++;
          }),
      },
    });
    const coll: any = {
      items: undefined,
      load() {
        self.plainPending.push({
          fill: () => {
            coll.items = self.tables.map((t) => ({ name: t.name, worksheet: { name: t.sheet } }));
            return bytes(coll.items);
          },
        });
        return coll;
      },
      getItem: (name: string) => {
        const t = self.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!t) self.errors.push(new HostError('ItemNotFound', `mock: no table ${name}`));
        return tableObject(t, name);
      },
      getItemOrNullObject: (name: string) =>
        tableObject(
          self.tables.find((x) => x.name.toLowerCase() === name.toLowerCase()),
          name,
        ),
    };
    return coll;
  }
}

function typeOf(v: MockValue): string {
  if (v === '' || v === null) return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

function shownText(c: MockCell): string {
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return String(c.value);
}
