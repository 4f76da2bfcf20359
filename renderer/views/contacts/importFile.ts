/**
 * Bytes as base64 for contacts.import. The file goes as bytes, not text, so
 * the main process can detect its encoding (UTF-8 or Windows-1252).
 * `String.fromCharCode(...chunk)` in slices: spreading a whole large file
 * would overflow the call stack.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const chunkSize = 0x8000;
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunkSize));
  }
  return btoa(binary);
}

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
