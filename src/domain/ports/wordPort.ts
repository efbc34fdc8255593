// The Word adapter as the Mail merge page sees it: plain data in and out, no office.js types. The
// task pane wires the real adapter (src/office/word) in; outside Office the page gets `undefined`.
import type { MergedLetterRead } from '../mergeBlocks';
import type { RenderedLetter } from '../mergeRender';

export interface WordLetterRead {
  /** The body as a letter (flat OPC package); absent when the document holds merged letters. */
  ooxml?: string;
  /** The merged letters the document holds (content controls tagged with segment and line). */
  merged: { segmentNo: string; lineNo: number }[];
  syncs: number;
}

export type CommentOutcome =
  /** Every comment attached as a Word comment. */
  | 'attached'
  /** No line had a comment, or the user chose not to attach them. */
  | 'none'
  /** The host lacks WordApi 1.4: each comment is in its letter as text (see `inField`, `inParagraph`). */
  | 'unsupported'
  /** The host refused them (e.g. NotAllowed on some Word on the web tenants): each comment not
   * attached is in its letter as text (see `inField`, `inParagraph`). */
  | 'refused';

export interface WordMergeReport {
  letters: number;
  /** The insertOoxml blocks written, and the bytes each request carried. */
  blocks: number;
  blockBytes: number[];
  comments: {
    outcome: CommentOutcome;
    attached: number;
    errorCode?: string;
    /** Letters whose comment is shown by the letter's own «Comment» field. */
    inField?: number;
    /** Letters without that field that got the comment as a marked paragraph at their end. */
    inParagraph?: number;
  };
  /** Round trips to the host (context.sync calls). */
  syncs: number;
}

export interface WordReadBack {
  letters: MergedLetterRead[];
  blocks: number;
  syncs: number;
}

export interface WordPort {
  /** Requirement sets, checked once: comments need WordApi 1.4, createDocument WordApi 1.3; inserting a
   * field and reading letters back WordApi 1.3 (absent: supported, as before these were checked). */
  supports: { comments: boolean; createDocument: boolean; insertField?: boolean; readBack?: boolean };
  /** The open document's body as a letter, or the merged letters it holds. */
  readLetter(): Promise<WordLetterRead>;
  /** Inserts a merge field at the cursor: a content control tagged `key`, showing «caption». */
  insertField(key: string, caption: string): Promise<void>;
  /** Replaces the document's body (load a template letter, or a converted one). */
  replaceBody(ooxml: string): Promise<void>;
  /** The body becomes the letters, in blocks under the request cap, then the comments. */
  /** `commentLabel` marks a comment kept as a paragraph of its letter (default "Comment:"). */
  mergeLetters(
    letters: RenderedLetter[],
    opts: { comments: boolean; commentLabel?: string; onProgress?: (done: number, total: number) => void },
  ): Promise<WordMergeReport>;
  /** Reads the merged letters of a segment back, in blocks under the cap. */
  readMergedLetters(segmentNo: string, onProgress?: (done: number, total: number) => void): Promise<WordReadBack>;
  /** Opens a .docx as a new document (WordApi 1.3). */
  openDocument(docx: Uint8Array): Promise<void>;
}
