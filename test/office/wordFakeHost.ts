// The proxies below are object literals whose getters and methods need the host: they alias it.
/* eslint-disable @typescript-eslint/no-this-alias */
// A Word host for adapter tests, behaving like the real one where the merge depends on it: calls are
// queued and run only at `context.sync()` (results read before it throw), a request whose payload is
// over the cap is refused whole (RequestPayloadSizeLimitExceeded), a response over the cap fails
// (ResponsePayloadSizeLimitExceeded), a failing call stops the batch after the calls before it ran,
// and every inserted package is parsed by a real XML parser (malformed OOXML is refused). The context
// is an office-addin-mock object, so tests spy on its `sync`.
import { DOMParser, XMLSerializer, type Element as XElement } from '@xmldom/xmldom';
import { OfficeMockObject } from 'office-addin-mock';

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly debugInfo: { errorLocation?: string } = {},
  ) {
    super(message);
  }
}

interface Item {
  xml: string;
  /** For a top-level content control: its tag. */
  tag?: string;
}

interface Span {
  from: Item;
  to: Item;
}

class Result<T> {
  v: T | undefined;
  ready = false;
  get value(): T {
    if (!this.ready) throw new HostError('PropertyNotAvailable', 'the value is not available before context.sync()');
    return this.v as T;
  }
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

export interface RequestRecord {
  bytes: number;
  responseBytes: number;
  ok: boolean;
  operations: number;
}

export class FakeWordHost {
  items: Item[] = [];
  comments: { tag: string | undefined; text: string }[] = [];
  opened: string[] = [];
  requests: RequestRecord[] = [];
  /** When set, insertComment fails with this code (like tenants that refuse comments). */
  refuseComments?: string;
  readonly context: any;
  private queue: { bytes: number; run: () => number; results: Result<unknown>[] }[] = [];
  private nextId = 1;
  private stylesXml = '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>';

  constructor(
    public cap: number,
    bodyXml = '<w:p/>',
  ) {
    this.items = this.parseBodyItems(this.packageOf(bodyXml));
    const ctx = new OfficeMockObject({}) as any;
    const mockSync = ctx.sync.bind(ctx);
    ctx.sync = async () => {
      this.flush();
      await mockSync();
    };
    ctx.document = this.documentProxy();
    ctx.application = {
      createDocument: (b64: string) => ({
        open: () => this.enqueue('Application.createDocument', [b64], () => (this.opened.push(b64), 0)),
      }),
    };
    this.context = ctx;
  }

  run = <T>(batch: (context: any) => Promise<T>): Promise<T> => batch(this.context);

  /** The document's body as one string (for assertions). */
  bodyXml(): string {
    return this.items.map((i) => i.xml).join('');
  }

  // ---- the request queue -------------------------------------------------------------------------
  private enqueue(method: string, args: unknown[], run: () => number, results: Result<unknown>[] = []) {
    this.queue.push({ bytes: utf8(JSON.stringify({ method, args })) + 64, run, results });
  }

  private flush() {
    const batch = this.queue;
    this.queue = [];
    const bytes = 1024 + batch.reduce((n, op) => n + op.bytes, 0);
    const rec: RequestRecord = { bytes, responseBytes: 0, ok: false, operations: batch.length };
    this.requests.push(rec);
    if (bytes > this.cap) throw new HostError('RequestPayloadSizeLimitExceeded', `request of ${bytes} bytes refused`);
    for (const op of batch) rec.responseBytes += op.run();
    if (rec.responseBytes > this.cap)
      throw new HostError('ResponsePayloadSizeLimitExceeded', `response of ${rec.responseBytes} bytes refused`);
    for (const op of batch) for (const r of op.results) r.ready = true;
    rec.ok = true;
  }

  // ---- OOXML in and out --------------------------------------------------------------------------
  private packageOf(bodyXml: string): string {
    return (
      '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
      '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships></pkg:xmlData></pkg:part>' +
      `<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData><w:document xmlns:w="${W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>${bodyXml}<w:sectPr/></w:body></w:document></pkg:xmlData></pkg:part>` +
      `<pkg:part pkg:name="/word/styles.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"><pkg:xmlData>${this.stylesXml}</pkg:xmlData></pkg:part>` +
      '</pkg:package>'
    );
  }

  private parseBodyItems(pkg: string): Item[] {
    const errors: string[] = [];
    let doc;
    try {
      doc = new DOMParser({ onError: (level, msg) => level !== 'warning' && errors.push(msg) }).parseFromString(
        pkg,
        'text/xml',
      );
    } catch (e) {
      errors.push(String(e));
    }
    if (errors.length || !doc)
      throw new HostError('InvalidArgument', `malformed OOXML: ${errors[0]}`, { errorLocation: 'insertOoxml' });
    const body = doc.getElementsByTagNameNS(W_NS, 'body')[0];
    if (!body) throw new HostError('InvalidArgument', 'no w:body in the package', { errorLocation: 'insertOoxml' });
    const styles = doc.getElementsByTagNameNS(W_NS, 'styles')[0];
    if (styles) this.stylesXml = new XMLSerializer().serializeToString(styles);
    const out: Item[] = [];
    for (let n = body.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const el = n as XElement;
      if (el.localName === 'sectPr') continue;
      const xml = new XMLSerializer().serializeToString(el).replace(/ xmlns:\w+="[^"]*"/g, '');
      const tag = el.localName === 'sdt' ? /^<w:sdt><w:sdtPr>[\s\S]*?<w:tag w:val="([^"]*)"/.exec(xml)?.[1] : undefined;
      out.push({ xml, tag });
    }
    return out;
  }

  private spanXml(s: Span): string {
    const a = this.items.indexOf(s.from);
    const b = this.items.indexOf(s.to);
    if (a < 0 || b < a) throw new HostError('InvalidArgument', 'the range is no longer in the document');
    return this.items
      .slice(a, b + 1)
      .map((i) => i.xml)
      .join('');
  }

  private insert(ooxml: string, where: 'Replace' | 'After', span?: Span): Span {
    const items = this.parseBodyItems(ooxml);
    if (items.length === 0) items.push({ xml: '<w:p/>' });
    if (where === 'Replace' && !span) this.items = [...items, { xml: '<w:p/>' }];
    else if (span) this.items.splice(this.items.indexOf(span.to) + 1, 0, ...items);
    return { from: items[0], to: items[items.length - 1] };
  }

  // ---- proxies -----------------------------------------------------------------------------------
  private documentProxy() {
    const host = this;
    return {
      get body() {
        return host.bodyProxy();
      },
      getSelection: () => host.selectionProxy(),
    };
  }

  private bodyProxy() {
    return {
      /** A paragraph at the end of the body; its content control is a top-level item (the Office check's scratch). */
      insertParagraph: (text: string, where: 'End') => this.scratchParagraph(text, where),
      contentControls: this.collectionProxy(),
      getOoxml: () => {
        const r = new Result<string>();
        this.enqueue('Body.getOoxml', [], () => utf8((r.v = this.packageOf(this.bodyXml()))), [r]);
        return r;
      },
      insertOoxml: (ooxml: string, where: 'Replace' | 'End') => {
        let span: Span | undefined;
        this.enqueue('Body.insertOoxml', [ooxml, where], () => {
          if (where !== 'Replace')
            throw new HostError('NotImplemented', 'the fake host inserts into the body with Replace only');
          span = this.insert(ooxml, 'Replace');
          return 0;
        });
        return this.rangeProxy(() => span);
      },
    };
  }

  /** Scratch writes of the Office check: a paragraph at the end, made a content control, filled, read, removed. */
  private scratchParagraph(text: string, where: 'End') {
    if (where !== 'End') throw new Error('the fake host inserts body paragraphs at the End only');
    const host = this;
    const item: Item = { xml: '' };
    this.enqueue('Body.insertParagraph', [text, where], () => {
      item.xml = `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
      this.items.push(item);
      return 0;
    });
    const control: any = {
      _tag: '',
      set tag(v: string) {
        control._tag = v;
        host.enqueue(
          'ContentControl.set',
          ['tag', v],
          () => ((item.tag = v), (item.xml = item.xml.replace('<w:sdtPr>', `<w:sdtPr><w:tag w:val="${v}"/>`)), 0),
        );
      },
      get tag() {
        return control._tag;
      },
      title: '',
      contentControls: {
        getByTag: (tag: string) => ({
          getFirst: () => ({
            getRange: () => ({
              insertComment: (c: string) =>
                host.enqueue('Range.insertComment', [c], () => {
                  if (host.refuseComments)
                    throw new HostError(host.refuseComments, 'comments are not allowed here', {
                      errorLocation: 'Range.insertComment',
                    });
                  if (!item.xml.includes(`w:val="${tag}"`))
                    throw new HostError('ItemNotFound', `no content control tagged ${tag}`);
                  host.comments.push({ tag, text: c });
                  return 0;
                }),
            }),
          }),
        }),
      },
      insertOoxml: (ooxml: string, how: 'Replace') =>
        host.enqueue('ContentControl.insertOoxml', [ooxml, how], () => {
          const body = host
            .parseBodyItems(ooxml)
            .map((i) => i.xml)
            .join('');
          item.xml = item.xml.replace(/<w:sdtContent>[\s\S]*<\/w:sdtContent>/, `<w:sdtContent>${body}</w:sdtContent>`);
          return 0;
        }),
      getOoxml: () => {
        const r = new Result<string>();
        host.enqueue('ContentControl.getOoxml', [], () => utf8((r.v = host.packageOf(item.xml))), [r]);
        return r;
      },
      delete: (keepContent: boolean) =>
        host.enqueue('ContentControl.delete', [keepContent], () => {
          host.items = host.items.filter((i) => i !== item);
          return 0;
        }),
    };
    return {
      insertContentControl: () => {
        this.enqueue(
          'Paragraph.insertContentControl',
          [],
          () => ((item.xml = `<w:sdt><w:sdtPr></w:sdtPr><w:sdtContent>${item.xml}</w:sdtContent></w:sdt>`), 0),
        );
        return control;
      },
    };
  }

  private controlCache = new Map<Item, { xml: string; tags: string[] }>();

  /** Every content control in document order (nested ones too), with the top-level item holding it. */
  private controls(): { item: Item; tag: string }[] {
    const out: { item: Item; tag: string }[] = [];
    for (const item of this.items) {
      let c = this.controlCache.get(item);
      if (!c || c.xml !== item.xml) {
        const tags = [...item.xml.matchAll(/<w:sdtPr>[\s\S]*?(?:<w:tag w:val="([^"]*)"|<\/w:sdtPr>)/g)].map(
          (m) => m[1] ?? '',
        );
        this.controlCache.set(item, (c = { xml: item.xml, tags }));
      }
      for (const tag of c.tags) out.push({ item, tag });
    }
    return out;
  }

  private collectionProxy() {
    const host = this;
    let items: any[] | undefined;
    const coll = {
      load(props: string) {
        if (props !== 'items/tag') throw new Error(`the fake host loads items/tag only, not ${props}`);
        const r = new Result<unknown>();
        host.enqueue(
          'ContentControlCollection.load',
          [props],
          () => {
            items = host.controls().map((c) => host.controlProxy(() => c.item, c.tag));
            return items.reduce((n, c) => n + utf8(c.tag) + 40, 0);
          },
          [r],
        );
        Object.defineProperty(coll, 'items', { get: () => (r.ready ? items : (r.value as never)), configurable: true });
        return coll;
      },
      getByTag: (tag: string) => ({
        getFirst: () =>
          host.controlProxy(() => {
            const hit = host.controls().find((c) => c.tag === tag);
            if (!hit) throw new HostError('ItemNotFound', `no content control tagged ${tag}`);
            return hit.item;
          }, tag),
      }),
      getFirstOrNullObject: () =>
        host.controlProxy(() => {
          const hit = host.controls()[0];
          if (!hit) throw new HostError('ItemNotFound', 'the document has no content control');
          return hit.item;
        }, ''),
    };
    return coll as any;
  }

  private controlProxy(item: () => Item, tag: string) {
    return {
      tag,
      load: () => undefined,
      /** A paragraph at the end of a block content control (the letter's): before its last </w:sdtContent>. */
      insertParagraph: (text: string, where: 'End') => {
        if (where !== 'End') throw new Error(`the fake host inserts paragraphs at the End only`);
        this.enqueue('ContentControl.insertParagraph', [text, where], () => {
          const it = item();
          const at = it.xml.lastIndexOf('</w:sdtContent>');
          if (at < 0) throw new HostError('InvalidArgument', 'not a block content control');
          const p = `<w:p><w:r><w:t xml:space="preserve">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`;
          it.xml = it.xml.slice(0, at) + p + it.xml.slice(at);
          return 0;
        });
      },
      getRange: (where: string) => {
        if (where !== 'Whole') throw new Error(`the fake host supports getRange('Whole') only`);
        return this.rangeProxy(() => {
          const it = item();
          return { from: it, to: it };
        });
      },
    };
  }

  private rangeProxy(get: () => Span | undefined): any {
    const span = () => {
      const s = get();
      if (!s) throw new HostError('InvalidReference', 'the range does not exist yet');
      return s;
    };
    return {
      insertOoxml: (ooxml: string, where: 'After') => {
        let out: Span | undefined;
        this.enqueue('Range.insertOoxml', [ooxml, where], () => ((out = this.insert(ooxml, 'After', span())), 0));
        return this.rangeProxy(() => out);
      },
      expandTo: (other: any) => this.rangeProxy(() => ({ from: span().from, to: other.span().to })),
      getOoxml: () => {
        const r = new Result<string>();
        this.enqueue('Range.getOoxml', [], () => utf8((r.v = this.packageOf(this.spanXml(span())))), [r]);
        return r;
      },
      insertComment: (text: string) => {
        this.enqueue('Range.insertComment', [text], () => {
          if (this.refuseComments)
            throw new HostError(this.refuseComments, 'comments are not allowed here', {
              errorLocation: 'Range.insertComment',
            });
          this.comments.push({ tag: span().from.tag, text });
          return 0;
        });
      },
      span,
    };
  }

  /** The cursor: at the end of the body's last paragraph. */
  private selectionProxy() {
    const host = this;
    return {
      insertText(text: string, where: 'Replace') {
        const id = host.nextId++;
        host.enqueue('Range.insertText', [text, where], () => {
          const p = [...host.items].reverse().find((i) => i.xml.startsWith('<w:p'));
          if (!p) throw new HostError('ItemNotFound', 'no paragraph for the cursor');
          const run = `<w:r><w:t>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r>`;
          p.xml = p.xml.endsWith('/>')
            ? `${p.xml.slice(0, -2)}>${run}</w:p>`
            : p.xml.replace(/<\/w:p>$/, `${run}</w:p>`);
          host.marks.set(id, { item: p, run });
          return 0;
        });
        return {
          insertContentControl() {
            host.enqueue('Range.insertContentControl', [], () => {
              const m = host.marks.get(id)!;
              m.item.xml = m.item.xml.replace(
                m.run,
                `<w:sdt><w:sdtPr><w:id w:val="${id}"/></w:sdtPr><w:sdtContent>${m.run}</w:sdtContent></w:sdt>`,
              );
              return 0;
            });
            const set = (name: string, xml: (v: string) => string) => (v: string) =>
              host.enqueue(`ContentControl.${name}`, [v], () => {
                const m = host.marks.get(id)!;
                m.item.xml = m.item.xml.replace(`<w:id w:val="${id}"/>`, `<w:id w:val="${id}"/>${xml(v)}`);
                return 0;
              });
            return Object.defineProperties(
              { getRange: () => ({ select: () => host.enqueue('Range.select', [], () => 0) }) },
              {
                tag: { set: set('tag', (v) => `<w:tag w:val="${v}"/>`) },
                title: { set: set('title', (v) => `<w:alias w:val="${v}"/>`) },
                appearance: { set: (v: string) => host.enqueue('ContentControl.appearance', [v], () => 0) },
              },
            );
          },
        };
      },
    };
  }

  private marks = new Map<number, { item: Item; run: string }>();
}
