// Warning: a rule worth 0 points is legal but never changes a score.

import { DiagnosticCode } from '../diagnostic';
import type { ValidationRule } from './rule';

export const zeroPointsRule: ValidationRule = (context) => ({
  Points(node) {
    if (node.value.value !== 0) return;
    context.report(DiagnosticCode.ZERO_POINTS, 'This rule gives 0 points, so it never changes a score.', node, 'warning');
  },
});
