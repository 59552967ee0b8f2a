import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { csvUnquoteText } from '../../domain/points/csvCell.js';
import { IMPORT_COLUMNS, REQUIRED_COLUMNS, type ImportColumn, type ParsedItem, type RowSource } from './types.js';

/** csv-parse options shared by the streaming and the in-memory reader. */
const CSV_OPTIONS = {
  bom: true,
  // Short or long rows are reported by us, per line, instead of aborting the whole parse.
  relax_column_count: true,
  skip_empty_lines: true,
  // Trims unquoted whitespace (and a stray \r from mixed line endings); quoted values stay as written.
  trim: true,
} as const;

const KNOWN = new Set<string>(IMPORT_COLUMNS);
const NUMERIC_COLUMNS = new Set<ImportColumn>(['id', 'lat', 'lng']);

/** Counts line breaks in a value: \r\n, \n or a lone \r each end one line. */
function lineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/**
 * Turns csv-parse records into rows with file line numbers. csv-parse's own `info.lines` is the line a
 * record ENDS on and counts \r\n inside quoted cells twice, so the start line is computed here: the line
 * after the previous record, plus the empty lines skipped since (`info.empty_lines`), and a record spans
 * one more line per line break inside its (quoted) cells.
 */
export class CsvRecordMapper {
  private header: (ImportColumn | null)[] | null = null;
  private prevEndLine = 0;
  private prevEmptyLines = 0;
  /** Set when the header makes the rest unreadable (missing required or duplicate columns). */
  stopped = false;

  /** Maps one record; returns null for rows that carry nothing (the header, all-empty rows). */
  map(record: string[], info: { empty_lines: number; bytes: number }): ParsedItem | null {
    const line = this.prevEndLine + 1 + (info.empty_lines - this.prevEmptyLines);
    let breaks = 0;
    for (const cell of record) breaks += lineBreaks(cell);
    this.prevEndLine = line + breaks;
    this.prevEmptyLines = info.empty_lines;
    if (this.stopped) return null;
    if (this.header === null) return this.readHeader(record, line, info.bytes);

    if (record.every((c) => c === '')) return null;
    const header = this.header;
    if (record.length !== header.length) {
      return {
        row: {
          line, fields: {}, bytes: info.bytes,
          errors: [{ field: 'row', message: `line ${line} has ${record.length} values but the header has ${header.length} columns; put values that contain commas or line breaks in double quotes` }],
        },
      };
    }
    const fields: Partial<Record<ImportColumn, unknown>> = {};
    for (let i = 0; i < header.length; i++) {
      const col = header[i];
      // Text cells may carry the export's formula-guard quote (see csvCell.ts); numbers never do.
      if (col) fields[col] = NUMERIC_COLUMNS.has(col) ? record[i] : csvUnquoteText(record[i]);
    }
    return { row: { line, fields, bytes: info.bytes } };
  }

  private readHeader(record: string[], line: number, bytes: number): ParsedItem | null {
    const names = record.map((h) => h.trim().toLowerCase());
    const errors: { field: string; message: string }[] = [];
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) errors.push({ field: n, message: `column "${n}" appears twice in the header; keep one` });
      seen.add(n);
      if (!KNOWN.has(n)) {
        errors.push({ field: n || 'header', message: `unknown column "${n}"; the columns are ${IMPORT_COLUMNS.join(', ')} (remove or rename it)` });
      }
    }
    const missing = REQUIRED_COLUMNS.filter((c) => !seen.has(c));
    for (const m of missing) errors.push({ field: m, message: `the header has no "${m}" column; required columns are ${REQUIRED_COLUMNS.join(', ')}` });
    this.header = names.map((n) => (KNOWN.has(n) ? (n as ImportColumn) : null));
    // Unknown columns are reported but rows are still checked; without a required column or with a
    // duplicate one every row would fail the same way, so reading stops at the header.
    if (missing.length > 0 || seen.size !== names.length) this.stopped = true;
    return errors.length > 0 ? { row: { line, fields: {}, bytes, errors } } : null;
  }
}

/** A csv-parse failure (e.g. an unclosed quote) as a row error at the line where it happened. */
function parseFailure(err: unknown): ParsedItem {
  const e = err as { message?: string; lines?: number };
  return { row: { line: e.lines ?? 1, fields: {}, errors: [{ field: 'row', message: `the CSV cannot be read: ${e.message ?? String(err)}` }] } };
}

/** A CSV source over a text already in memory (an HTTP body). */
export function csvTextSource(text: string): RowSource {
  const eachSync = (visit: (item: ParsedItem) => void) => {
    const mapper = new CsvRecordMapper();
    // A failure inside `visit` (e.g. a write) must surface as itself, not as "the CSV cannot be read".
    let visitFailure: { err: unknown } | null = null;
    try {
      parseSync(text, {
        ...CSV_OPTIONS,
        on_record: (record: string[], ctx: { empty_lines: number; bytes: number }) => {
          const item = mapper.map(record, ctx);
          if (item) {
            try {
              visit(item);
            } catch (err) {
              visitFailure = { err };
              throw err;
            }
          }
          return null; // keep nothing: the parser must not collect every record
        },
      });
    } catch (err) {
      if (visitFailure) throw (visitFailure as { err: unknown }).err;
      visit(parseFailure(err));
    }
  };
  return {
    format: 'csv',
    sizeBytes: Buffer.byteLength(text),
    eachSync,
    items: () => streamItems(Readable.from([text])),
  };
}

async function* streamItems(input: Readable): AsyncIterable<ParsedItem> {
  const mapper = new CsvRecordMapper();
  const parser = input.pipe(parse({ ...CSV_OPTIONS, info: true }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { empty_lines: number; bytes: number } }>) {
      const item = mapper.map(record, info);
      if (item) yield item;
      if (mapper.stopped) break;
    }
  } catch (err) {
    yield parseFailure(err);
  } finally {
    parser.destroy();
    input.destroy();
  }
}

/** A CSV source streaming from a file, read from disk on every pass. */
export function csvFileSource(path: string): RowSource {
  return {
    format: 'csv',
    sizeBytes: statSync(path).size,
    items: () => streamItems(createReadStream(path)),
  };
}
