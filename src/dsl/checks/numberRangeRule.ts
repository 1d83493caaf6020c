// Every number is finite and at most MAX_NUMBER in magnitude, so both
// backends compute with exact, comparable values.

import { DiagnosticCode } from '../diagnostic';
import { MAX_NUMBER } from '../limits';
import type { ValidationRule } from './rule';

export const numberRangeRule: ValidationRule = (context) => ({
  Number(node) {
    if (Number.isFinite(node.value) && Math.abs(node.value) <= MAX_NUMBER) return;
    context.report(
      DiagnosticCode.NUMBER_OUT_OF_RANGE,
      `${node.raw.length > 20 ? `${node.raw.slice(0, 17)}...` : node.raw} is too large: numbers go up to ${MAX_NUMBER.toLocaleString('en-US')}.`,
      node,
    );
  },
});
