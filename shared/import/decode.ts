/**
 * Bytes of an imported file to text. Files come from Excel, Outlook and phones
 * in whatever encoding they were saved: a BOM decides; otherwise valid UTF-8
 * is UTF-8 and anything else is Windows-1252 (the superset of ISO-8859-1
 * that German Windows writes).
 */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

// Windows-1252's characters at 0x80-0x9F (€ „ “ – …); some Node versions decode this range as Latin-1 control characters.
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const windows1252 = (bytes: Uint8Array) =>
  new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (char) => windows1252High[char.charCodeAt(0) - 0x80]!);

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);

export function decodeText(bytes: Uint8Array): DecodedText {
  // TextDecoder drops a BOM matching its encoding by itself.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Bytes in a declared charset (a vCard CHARSET parameter); an unknown label falls back to detection. */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  const label = charset?.trim().toLowerCase();
  // The WHATWG encoding standard reads all of these as Windows-1252.
  if (label && /^(windows-1252|cp1252|iso-8859-1|iso8859-1|latin1|us-ascii|ascii)$/.test(label)) return windows1252(bytes);
  if (label) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // RangeError: a label TextDecoder does not know.
    }
  }
  return decodeText(bytes).text;
}
