// What a check is: given a context to report into, a visitor over the tree
// (graphql-js ValidationRule style). Checks are independent and all run, so
// the author sees every problem at once.

import type { Range } from '../ast';
import type { DiagnosticCode } from '../diagnostic';
import type { Visitor } from '../visit';

export interface ValidationContext {
  /** Threshold stage names of the model, when known; null: stages are not checked. */
  readonly stages: readonly string[] | null;
  report(code: DiagnosticCode, message: string, at: { readonly range: Range }, severity?: 'error' | 'warning'): void;
}

export type ValidationRule = (context: ValidationContext) => Visitor;
