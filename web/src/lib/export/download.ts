/** Starts a browser download of a URL (object or data URL) under `fileName`. */
export function downloadUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Downloads text as a file. CSV gets a byte order mark: without it, spreadsheet programs on Windows
 * read UTF-8 as a legacy code page and turn "µg/m³" into mojibake.
 */
export function downloadText(text: string, fileName: string, mimeType: string): void {
  const bom = mimeType.startsWith('text/csv') ? '\uFEFF' : '';
  const url = URL.createObjectURL(new Blob([bom, text], { type: mimeType }));
  downloadUrl(url, fileName);
  // Revoked on the next turn: the download has started by then, and the URL would otherwise leak.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
