// Durations end in a unit, h, d or w: where a duration is expected a bare
// number is reported, and an unknown unit is reported wherever it appears.

import type { DurationNode, ValueNode } from '../ast';
import { isDurationUnit } from '../catalog';
import { DiagnosticCode } from '../diagnostic';
import type { ValidationContext, ValidationRule } from './rule';

const UNITS = 'h (hours), d (days) or w (weeks)';

export const durationUnitRule: ValidationRule = (context) => ({
  Duration(node) {
    if (node.unit === null || isDurationUnit(node.unit)) return;
    context.report(
      DiagnosticCode.DURATION_UNIT,
      `Unknown unit "${node.unit}" in ${node.raw}${node.unit}: a duration is a whole number followed by ${UNITS}, like 30d.`,
      node,
    );
  },
  Within(node) {
    requireUnit(node.duration, context);
  },
  Decay(node) {
    requireUnit(node.every, context);
  },
  HasEvent(node) {
    if (node.within) requireUnit(node.within, context);
  },
  Count(node) {
    if (node.within) requireUnit(node.within, context);
  },
  Inactive(node) {
    requireUnit(node.value, context);
  },
});

function requireUnit(node: DurationNode | ValueNode, context: ValidationContext): void {
  if ((node.kind === 'Duration' && node.unit === null) || node.kind === 'Number') {
    context.report(
      DiagnosticCode.DURATION_UNIT,
      `${node.raw} needs a unit: ${UNITS}, like ${node.raw}d.`,
      node,
    );
  }
}
