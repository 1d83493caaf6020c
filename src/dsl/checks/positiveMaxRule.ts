// A cap of 0 would silence the rule; a cap must be above 0.

import { DiagnosticCode } from '../diagnostic';
import type { ValidationRule } from './rule';

export const positiveMaxRule: ValidationRule = (context) => ({
  Max(node) {
    if (node.value.value > 0) return;
    context.report(DiagnosticCode.INVALID_MAX, '"max" must be more than 0.', node.value);
  },
});
