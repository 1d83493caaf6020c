// On a condition, `within` belongs to one event selector; a `within` after the
// whole condition would be ambiguous (which events? what about attributes?).

import { DiagnosticCode } from '../diagnostic';
import { clausesOutsidePer } from './clauses';
import type { ValidationRule } from './rule';

export const withinPlacementRule: ValidationRule = (context) =>
  clausesOutsidePer((clause) => {
    context.report(
      DiagnosticCode.MISPLACED_WITHIN,
      '"within" must come right after an event, like visited("/pricing") within 30d; repeat it for each event it applies to.',
      clause,
    );
  }, 'Within');
