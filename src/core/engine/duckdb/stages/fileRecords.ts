import { csvRecords, CsvRecord } from './csvRecords';
import { jsonDocuments, jsonMembers } from './jsonDocuments';
import { TargetColumn } from './loadTarget';
import { CsvOptions, JsonOptions } from './readerOptions';

// The records of one CSV or JSON file as the rows of a load: one text value per loaded column
// (a NULL stays null), with the line and character each came from. How fields reach columns:
// - 'position': the file's n-th field is the n-th column (CSV without MATCH_BY_COLUMN_NAME);
// - 'name': by name, fields of a parsed header (CSV) or members of a JSON object, matched to
//   the table's columns as MATCH_BY_COLUMN_NAME says; unmatched columns get NULL;
// - 'document': the whole JSON document is one value, for a single VARIANT column.
// Semi-structured columns get JSON text; others get a JSON member's scalar as text.

export type ColumnMapping =
  | { kind: 'position'; count: number }
  | { kind: 'name'; columns: TargetColumn[]; caseSensitive: boolean }
  | { kind: 'document' };

export interface MappedRecord {
  line: number;
  values: Array<string | null>;
  /** The character each value starts at in `line` (one per value). */
  characters: number[];
  /** A record that cannot be loaded: the values are not to be used. */
  error?: { message: string; code: string; sqlState: string; character: number; fieldCount?: number };
}

export function isSemiStructured(column: TargetColumn): boolean {
  return column.type === 'VARIANT' || column.type === 'OBJECT' || column.type === 'ARRAY';
}

export function* csvFileRecords(text: string, options: CsvOptions, mapping: ColumnMapping): Generator<MappedRecord> {
  let skip = options.skipHeader;
  let header: string[] | undefined;
  for (const record of csvRecords(text, options)) {
    if (skip > 0) {
      skip--;
      continue;
    }
    if (options.parseHeader && !header) {
      header = record.fields.map((field) => field.value ?? '');
      continue;
    }
    yield mapCsvRecord(record, options, mapping, header);
  }
}

function mapCsvRecord(record: CsvRecord, options: CsvOptions, mapping: ColumnMapping, header: string[] | undefined): MappedRecord {
  const characters = record.fields.map((field) => field.character);
  if (record.error) {
    return { line: record.line, values: [], characters, error: { ...record.error, sqlState: '22000' } };
  }
  const expected = mapping.kind === 'position' ? mapping.count : (header?.length ?? record.fields.length);
  if (record.fields.length !== expected && options.errorOnColumnCountMismatch) {
    return {
      line: record.line,
      values: [],
      characters,
      error: {
        message: `Number of columns in file (${record.fields.length}) does not match that of the corresponding table (${expected}), use file format option error_on_column_count_mismatch=false to ignore this error`,
        code: '100080',
        sqlState: '22000',
        character: 1,
        fieldCount: record.fields.length,
      },
    };
  }
  if (mapping.kind === 'name' && header) {
    const at = mapping.columns.map((column) => matchIndex(header, column.name, mapping.caseSensitive));
    return {
      line: record.line,
      values: at.map((index) => (index < 0 ? null : (record.fields[index]?.value ?? null))),
      characters: at.map((index) => (index < 0 ? 1 : (record.fields[index]?.character ?? 1))),
    };
  }
  const count = mapping.kind === 'position' ? mapping.count : 1;
  return {
    line: record.line,
    values: Array.from({ length: count }, (_v, i) => record.fields[i]?.value ?? null),
    characters: Array.from({ length: count }, (_v, i) => record.fields[i]?.character ?? characters[characters.length - 1] ?? 1),
  };
}

export function* jsonFileRecords(text: string, options: JsonOptions, mapping: ColumnMapping): Generator<MappedRecord> {
  const nullIf = new Set(options.nullIf);
  for (const document of jsonDocuments(text, options.stripOuterArray)) {
    if (document.error !== undefined) {
      yield { line: document.line, values: [], characters: [document.character], error: { message: `Error parsing JSON: ${document.error}`, code: '100069', sqlState: '22P02', character: document.character } };
      continue;
    }
    const body = options.stripNullValues ? JSON.stringify(JSON.parse(document.text), (_k, v: unknown) => (v === null ? undefined : v)) : document.text;
    if (mapping.kind !== 'name') {
      yield { line: document.line, values: [body], characters: [document.character] };
      continue;
    }
    const members = jsonMembers(body);
    if (!members) {
      yield {
        line: document.line,
        values: [],
        characters: [document.character],
        error: { message: 'MATCH_BY_COLUMN_NAME needs a JSON object per record; this record is not an object', code: '100069', sqlState: '22P02', character: document.character },
      };
      continue;
    }
    const names = members.map(([key]) => key);
    const values = mapping.columns.map((column) => {
      const index = matchIndex(names, column.name, mapping.caseSensitive);
      if (index < 0) return null;
      const raw = members[index][1];
      if (isSemiStructured(column)) return raw;
      if (raw === 'null') return null;
      const scalar = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
      const trimmed = options.trimSpace ? scalar.trim() : scalar;
      return nullIf.has(trimmed) ? null : trimmed;
    });
    yield { line: document.line, values, characters: values.map(() => document.character) };
  }
}

/** Where a column's name is among the file's names: exactly, or ignoring case. */
export function matchIndex(names: readonly string[], column: string, caseSensitive: boolean): number {
  if (caseSensitive) return names.indexOf(column);
  const upper = column.toUpperCase();
  return names.findIndex((name) => name.toUpperCase() === upper);
}
