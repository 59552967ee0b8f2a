/**
 * Shared shapes of the bulk import. A parser turns a file into RawRows; the pipeline checks and
 * writes them. Every parser speaks the same column vocabulary (the CSV columns), so validation and
 * matching are written once.
 */

import type { CodeParams, WarningCode } from '../../domain/codes/index.js';
import type { FieldError } from './rowBody.js';

/** The columns an import understands. `name,type,lat,lng` are required; the rest optional. */
export const REQUIRED_COLUMNS = ['name', 'type', 'lat', 'lng'] as const;
export const OPTIONAL_COLUMNS = ['id', 'external_id', 'address', 'phone', 'whatsapp', 'services', 'accuracy', 'notes'] as const;
export const IMPORT_COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/**
 * One problem in the input. `line` is the file line (CSV, header = 1) or the 0-based feature/element index (JSON);
 * `code` and `params` say it for people (server/domain/codes), `message` in English.
 */
export interface RowError extends FieldError {
  line: number;
}

/** One input record before validation. */
export interface RawRow {
  /** CSV: the line the record starts on (header = 1). GeoJSON/Overpass: the 0-based feature/element index. */
  line: number;
  /**
   * Column values as given. A key that is present (even null or '') is written; an absent key keeps
   * the stored value on update. CSV cells are strings; GeoJSON properties may be numbers or arrays.
   */
  fields: Partial<Record<ImportColumn, unknown>>;
  /** Provenance for newly created points (e.g. 'OpenStreetMap (ODbL)'); the pipeline defaults it. */
  source?: string;
  /** Problems found while parsing (bad geometry, wrong number of cells); the row is not written. */
  errors?: FieldError[];
  /** Bytes of the input consumed so far, for progress bars. */
  bytes?: number;
}

/** A record the parser deliberately left out (e.g. an OSM element that maps to no point type). */
export interface SkippedRow {
  line: number;
  code: WarningCode;
  params: CodeParams;
  message: string;
}

/** What a parser yields: a row to import, or a note that a record was skipped. */
export type ParsedItem = { row: RawRow } | { skipped: SkippedRow };

export type ImportFormat = 'csv' | 'geojson' | 'overpass';

/**
 * A re-readable input. The pipeline reads it twice (check, then write), so memory holds at most the
 * errors and one chunk of rows, never the whole parsed file.
 */
export interface RowSource {
  format: ImportFormat;
  /** Total input size in bytes when known (for progress). */
  sizeBytes?: number;
  /** Reads the input from the start. */
  items(): AsyncIterable<ParsedItem>;
  /**
   * The same items synchronously, when the whole input is already in memory (HTTP bodies). Lets the
   * write pass run inside one synchronous db.transaction, so no other request on the shared
   * connection can interleave with the import.
   */
  eachSync?(visit: (item: ParsedItem) => void): void;
}

/** The import's answer: the API shape of POST /api/import. */
export interface ImportReport {
  created: number;
  updated: number;
  /** Of `updated`, rows whose data was already identical (nothing written). */
  unchanged: number;
  errors: RowError[];
  /** Records left out on purpose (OSM elements of other kinds, nameless places). */
  skipped: SkippedRow[];
  /** Present when more errors were found than listed. */
  error_count?: number;
  format: ImportFormat;
  dry_run: boolean;
}
