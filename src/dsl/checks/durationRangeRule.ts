// A duration is a whole number of at least 1 unit and at most MAX_DURATION_MS.

import { DURATION_UNITS, isDurationUnit } from '../catalog';
import { DiagnosticCode } from '../diagnostic';
import { MAX_DURATION_MS } from '../limits';
import type { ValidationRule } from './rule';

const MAX_DAYS = MAX_DURATION_MS / DURATION_UNITS.d;

export const durationRangeRule: ValidationRule = (context) => ({
  Duration(node) {
    if (!isDurationUnit(node.unit)) return;
    const written = `${node.raw}${node.unit}`;
    if (!Number.isInteger(node.value)) {
      context.report(DiagnosticCode.INVALID_DURATION, `${written}: a duration is a whole number, like 36h instead of 1.5d.`, node);
    } else if (node.value < 1) {
      context.report(DiagnosticCode.INVALID_DURATION, `${written}: a duration must be at least 1${node.unit}.`, node);
    } else if (node.value * DURATION_UNITS[node.unit] > MAX_DURATION_MS) {
      context.report(DiagnosticCode.INVALID_DURATION, `${written} is too long: the longest duration is ${MAX_DAYS}d.`, node);
    }
  },
});
