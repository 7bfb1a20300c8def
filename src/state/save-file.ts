/**
 * Hands a file to the browser as a download through a temporary object URL (no server involved).
 * The one way every view saves a file: exports, bundles, published scenarios, translations.
 * Returns false where the browser cannot make object URLs (the file is then not offered).
 */
export function saveFile(fileName: string, content: Blob | string, type = 'application/json'): boolean {
  if (typeof URL.createObjectURL !== 'function') return false;
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return true;
}
