/** Saves a text as a file through the browser's download (the desktop app's window does the same). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoke after the click has been handled, or some browsers get an empty file.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
