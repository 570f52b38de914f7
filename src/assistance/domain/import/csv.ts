/** Reading a semicolon-separated UTF-8 file with a header row (csv-parse does the quoting rules). */
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** the line in the file where the record starts (the header is line 1) */
  line: number;
  fields: string[];
}

export type CsvResult =
  { ok: true; header: string[]; records: CsvRecord[] } | { ok: false; line: number; code: string };

export function readCsv(text: string): CsvResult {
  try {
    const rows = parse(text, {
      delimiter: ';',
      bom: true,
      trim: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const records = rows.map(({ record, info }) => ({
      // info.lines is where the record ends; a quoted field may span lines
      line: info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0),
      fields: record,
    }));
    const [header, ...data] = records;
    return { ok: true, header: header?.fields ?? [], records: data };
  } catch (error) {
    const e = error as { code?: string; lines?: number };
    return { ok: false, line: e.lines ?? 1, code: e.code ?? 'CSV_INVALID' };
  }
}
