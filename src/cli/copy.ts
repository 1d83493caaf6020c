// COPY ... FROM STDIN in PostgreSQL's text format: rows travel as data on the
// COPY stream, never as SQL text. The statement names only fixed tables and columns.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null | undefined;

/** Text-format escaping: backslash, tab, newline and carriage return are the only special bytes; \N is NULL. */
function escape(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  const s = String(value);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
}

/** One row of a COPY text stream, newline included. */
export function copyLine(values: readonly CopyValue[]): string {
  return `${values.map(escape).join('\t')}\n`;
}

/** Streams `lines` (from copyLine) into `statement` (`COPY t (cols) FROM STDIN`) on the client's connection and transaction. */
export async function copyRows(client: PoolClient, statement: string, lines: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(chunks(lines)), client.query(copyFrom(statement)));
}

/** Joins lines into chunks of about 64 KiB: fewer, larger writes to the socket. */
function* chunks(lines: Iterable<string>): Iterable<string> {
  let buffer: string[] = [];
  let size = 0;
  for (const line of lines) {
    buffer.push(line);
    size += line.length;
    if (size >= 65_536) {
      yield buffer.join('');
      buffer = [];
      size = 0;
    }
  }
  if (buffer.length) yield buffer.join('');
}
