/**
 * Saves text as a file through a Blob, so nothing passes through the server again. Callers use
 * neutral file names (nothing that says Tryg or what it is for): a file list can be seen by others.
 */
export function downloadTextFile(fileName: string, text: string, mimeType = 'text/plain;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start the download before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
