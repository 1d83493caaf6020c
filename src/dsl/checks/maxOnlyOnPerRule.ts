// `max` caps a sum of per-event points; a `when` rule adds its points once.

import { DiagnosticCode } from '../diagnostic';
import { clausesOutsidePer, statementName } from './clauses';
import type { ValidationRule } from './rule';

export const maxOnlyOnPerRule: ValidationRule = (context) =>
  clausesOutsidePer((clause, statement) => {
    context.report(
      DiagnosticCode.MAX_ON_WHEN,
      `"max" can't be used on ${statementName(statement)}: it caps "per" rules, like +2 per visited("/blog/*") max 20.`,
      clause,
    );
  }, 'Max');
