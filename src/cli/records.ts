// Streams the records of a CSV or NDJSON file with the line each starts on,
// and counts the bytes read so far (for the progress bar). Nothing here knows
// about leads or events: a record is a flat object of strings (CSV) or any
// JSON value (NDJSON), and a line that does not parse becomes a record error.

import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';

export type FileFormat = 'csv' | 'ndjson';

export type FileRecord =
  | { readonly line: number; readonly value: Record<string, unknown>; readonly error?: undefined }
  | { readonly line: number; readonly value?: undefined; readonly error: string };

/** csv for *.csv, ndjson for *.ndjson / *.jsonl / *.json; null when the name says neither. */
export function formatOf(file: string): FileFormat | null {
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(ndjson|jsonl|json)$/i.test(file)) return 'ndjson';
  return null;
}

/** Counts the bytes that pass through. */
class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    callback(null, chunk);
  }
}

export interface RecordStream {
  readonly records: AsyncIterable<FileRecord>;
  /** Bytes of the file read so far. */
  bytesRead(): number;
}

/**
 * The file's records in order. CSV: the first line names the columns (RFC 4180
 * quoting, a quoted field may span lines; `line` is the line the record starts
 * on, the header being line 1). NDJSON: one JSON object per line; blank lines
 * are skipped.
 */
export function readRecords(file: string, format: FileFormat): RecordStream {
  const counter = new ByteCounter();
  createReadStream(file).on('error', (e) => counter.destroy(e)).pipe(counter);
  return { records: format === 'csv' ? csvRecords(counter) : ndjsonRecords(counter), bytesRead: () => counter.bytes };
}

async function* csvRecords(input: NodeJS.ReadableStream): AsyncIterable<FileRecord> {
  // info: the parser tells each record's first line; bom: a UTF-8 BOM (Excel) is not part of the first column's name.
  const parser = input.pipe(parse({ columns: true, bom: true, info: true, skip_empty_lines: true, relax_column_count: true }));
  for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; error?: unknown } }>) {
    // info.lines is the line the record ends on; a quoted field spanning lines moves its start back.
    let newlines = 0;
    for (const v of Object.values(item.record)) for (let i = v.indexOf('\n'); i >= 0; i = v.indexOf('\n', i + 1)) newlines++;
    const line = item.info.lines - newlines;
    if (item.info.error) yield { line, error: 'the record does not have as many fields as the header' };
    else yield { line, value: item.record };
  }
}

async function* ndjsonRecords(input: NodeJS.ReadableStream): AsyncIterable<FileRecord> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, error: `not JSON: ${(error as Error).message}` };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) yield { line, error: 'not a JSON object' };
    else yield { line, value: value as Record<string, unknown> };
  }
}
