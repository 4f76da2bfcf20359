import Papa from 'papaparse';

export interface CsvRow {
  /** 1-based physical line where the row starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: ',' | ';' | '\t';
  header: string[];
  rows: CsvRow[];
  errors: { line: number; reason: string }[];
}

const delimiters = [',', ';', '\t'] as const;

/** The delimiter occurring most often in the header line outside quotes (headers rarely contain the others). */
export function detectDelimiter(text: string): CsvTable['delimiter'] {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return delimiters.reduce((best, candidate) => ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0) ? candidate : best), ',');
}

/** Offsets where each physical line starts, to turn a character position into a line number. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\n|\r/g)) starts.push(match.index + match[0].length);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Parses CSV as Excel, Outlook and Google write it (quoted fields may hold
 * delimiters and line breaks). A row whose quote never closes would swallow
 * the rest of the file, so it is reported and parsing resumes on the next
 * line; rows with a different number of columns than the header are
 * reported; blank rows are skipped.
 */
export function parseCsv(text: string): CsvTable {
  const delimiter = detectDelimiter(text);
  const starts = lineStarts(text);
  const rows: CsvRow[] = [];
  const errors: CsvTable['errors'] = [];
  let offset = 0;
  while (offset < text.length) {
    let rowStart = offset;
    let resumeAt = text.length;
    Papa.parse<string[]>(text.slice(offset), {
      delimiter,
      step: (result, parser) => {
        const line = lineOf(starts, rowStart);
        if (result.errors.some((error) => error.type === 'Quotes')) {
          errors.push({ line, reason: 'Anführungszeichen nicht geschlossen' });
          resumeAt = starts[line] ?? text.length;
          parser.abort();
          return;
        }
        if (!isBlank(result.data)) rows.push({ line, cells: result.data });
        rowStart = offset + result.meta.cursor;
      },
    });
    offset = resumeAt;
  }

  const first = rows[0];
  if (!first || first.line !== 1) return { delimiter, header: [], rows: [], errors: errors.length ? errors : [{ line: 1, reason: 'Die Datei hat keine Kopfzeile' }] };
  const header = first.cells.map((cell) => cell.trim());
  const body: CsvRow[] = [];
  for (const row of rows.slice(1)) {
    // Empty cells beyond the header carry nothing (Excel pads rows with delimiters).
    const cells = row.cells.length > header.length && isBlank(row.cells.slice(header.length)) ? row.cells.slice(0, header.length) : row.cells;
    if (cells.length === header.length) body.push({ line: row.line, cells });
    else {
      const reason = cells.length > header.length ? 'Zu viele Spalten' : 'Zu wenige Spalten';
      errors.push({ line: row.line, reason: `${reason} (${cells.length} statt ${header.length})` });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { delimiter, header, rows: body, errors };
}
