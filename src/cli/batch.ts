// Shapes shared by the batch writers and the import loop.

/** A record that passed validation, with the line it starts on. */
export interface StagedRow<T> {
  readonly line: number;
  readonly fields: T;
}

/** A record that was not imported, and why ("CODE: explanation"). */
export interface Rejection {
  readonly line: number;
  readonly reason: string;
}
