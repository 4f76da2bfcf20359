/**
 * Hands a file to the user: the browser saves it as a download; the desktop
 * app asks where to save it (electron/main.ts gives downloads a save dialog).
 */
export function saveFile(fileName: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file the main process sent as base64 (XLSX, CSV, vCard exports). */
export function saveBase64File(fileName: string, contentBase64: string, type: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (char) => char.charCodeAt(0));
  saveFile(fileName, new Blob([bytes], { type }));
}
