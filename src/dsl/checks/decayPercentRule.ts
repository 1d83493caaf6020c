// Decay takes a percentage in (0, 100]: 0% would be no decay, more than 100% negative points.

import { DiagnosticCode } from '../diagnostic';
import type { ValidationRule } from './rule';

export const decayPercentRule: ValidationRule = (context) => ({
  Decay(node) {
    const p = node.percent.value;
    if (p > 0 && p <= 100) return;
    context.report(DiagnosticCode.INVALID_DECAY, `Decay of ${node.percent.raw}%: use a percentage above 0 and at most 100.`, node.percent);
  },
});
