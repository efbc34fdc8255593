// Saves a file from the pane: a Blob offered as a download under a name.
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Reads a chosen file as text (UTF-8). */
export function readFileText(file: Blob): Promise<string> {
  return file.text();
}
