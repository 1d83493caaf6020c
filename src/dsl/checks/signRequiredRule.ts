// Points carry an explicit sign, so that subtracting is never an accident.

import { DiagnosticCode } from '../diagnostic';
import type { ValidationRule } from './rule';

export const signRequiredRule: ValidationRule = (context) => ({
  Points(node) {
    if (node.sign !== null) return;
    const n = node.value.raw;
    context.report(DiagnosticCode.MISSING_SIGN, `Points need a sign: write +${n} to add points or -${n} to take them away.`, node);
  },
});
