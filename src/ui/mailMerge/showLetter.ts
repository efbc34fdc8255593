// "Show letter" on an interaction log entry: the stored letter opens as a new Word document
// (WordApi 1.3), or downloads as a .docx outside Office.
import { letterDocx } from '../../domain/docx';
import type { WordPort } from '../../domain/ports/wordPort';
import { downloadBlob } from '../common/download';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function showLetter(
  word: WordPort | undefined,
  ooxml: string,
  fileName: string,
): Promise<'opened' | 'downloaded'> {
  const docx = letterDocx(ooxml);
  if (word?.supports.createDocument) {
    await word.openDocument(docx);
    return 'opened';
  }
  downloadBlob(
    new Blob([docx as BlobPart], { type: DOCX_TYPE }),
    fileName.endsWith('.docx') ? fileName : `${fileName}.docx`,
  );
  return 'downloaded';
}
