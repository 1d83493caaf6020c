// Operators and values fit the attribute's type: text with text operators and
// quoted values, numbers with numbers. Custom attributes accept text or
// numbers (their type is only known at run time; a mismatch there is false,
// not an error). Attributes that don't resolve are knownAttributeRule's business.

import type { AttributeNode, OperatorNode, ValueNode } from '../ast';
import { attributeText, isDurationUnit, resolveAttribute, type AttributeType } from '../catalog';
import { DiagnosticCode } from '../diagnostic';
import type { ValidationContext, ValidationRule } from './rule';

type ValueType = 'string' | 'number' | 'duration' | 'list';

/** Null for a duration with an unknown unit: durationUnitRule reports it. */
function valueType(value: ValueNode): ValueType | null {
  switch (value.kind) {
    case 'String':
      return 'string';
    case 'Number':
      return 'number';
    case 'Duration':
      return isDurationUnit(value.unit) ? 'duration' : null;
    case 'List':
      return 'list';
    default: {
      const _exhaustive: never = value;
      return _exhaustive;
    }
  }
}

const TEXT_OPERATORS: readonly string[] = ['contains', 'starts_with', 'ends_with'];
const ORDER_OPERATORS: readonly string[] = ['<', '<=', '>', '>='];

export const typeMismatchRule: ValidationRule = (context) => ({
  Comparison(node) {
    const attribute = resolveAttribute(node.attribute);
    if (attribute === null) return;
    const name = attributeText(node.attribute);
    if (attribute.type === 'timestamp') return timestamp(node.attribute, context);
    const type = valueType(node.value);
    if (type === null) return;
    const op = node.operator.value;
    const mismatch = (message: string, at: { range: OperatorNode['range'] }) =>
      context.report(DiagnosticCode.TYPE_MISMATCH, message, at);

    if (TEXT_OPERATORS.includes(op)) {
      if (attribute.type === 'number') {
        return mismatch(`"${name}" is a number, so "${op}" can't be used on it: use =, !=, <, <=, >, >= or in.`, node.operator);
      }
      if (type !== 'string') return mismatch(`"${op}" needs text in double quotes, like ${name} ${op} "director".`, node.value);
    } else if (ORDER_OPERATORS.includes(op)) {
      if (attribute.type === 'string') {
        return mismatch(`"${name}" is text, so "${op}" can't be used on it: use =, !=, in, contains, starts_with or ends_with.`, node.operator);
      }
      if (type !== 'number') return mismatch(`"${op}" compares numbers: write a plain number, like ${name} ${op} 200.`, node.value);
    } else if (type === 'list') {
      return mismatch(`To compare with a list, write ${name} ${op === '=' ? 'in' : 'not in'} [...].`, node.value);
    } else if (!fits(attribute.type, type)) {
      return mismatch(expectation(name, attribute.type), node.value);
    }
  },
  In(node) {
    const attribute = resolveAttribute(node.attribute);
    if (attribute === null) return;
    if (attribute.type === 'timestamp') return timestamp(node.attribute, context);
    const name = attributeText(node.attribute);
    let listType: AttributeType = attribute.type;
    for (const item of node.list.items) {
      const type = valueType(item);
      if (type === null) continue;
      if (!fits(listType, type)) {
        const message = attribute.type === 'any' && (type === 'string' || type === 'number')
          ? 'A list holds either text or numbers, not both.'
          : expectation(name, listType);
        context.report(DiagnosticCode.TYPE_MISMATCH, message, item);
      } else if (listType === 'any' && (type === 'string' || type === 'number')) {
        listType = type;
      }
    }
  },
  Count(node) {
    if (node.value.kind === 'Number') return;
    if (node.value.kind === 'Duration' && !isDurationUnit(node.value.unit)) return;
    context.report(DiagnosticCode.TYPE_MISMATCH, 'count(...) is compared with a number, like count(visited("/pricing")) >= 3.', node.value);
  },
  Inactive(node) {
    if (node.value.kind === 'String' || node.value.kind === 'List') {
      context.report(DiagnosticCode.TYPE_MISMATCH, '"inactive" is compared with a duration, like inactive > 90d.', node.value);
    }
  },
});

function fits(attribute: AttributeType, value: ValueType): boolean {
  if (attribute === 'any') return value === 'string' || value === 'number';
  return attribute === value;
}

function expectation(name: string, type: AttributeType): string {
  if (type === 'string') return `"${name}" is text: put the value in double quotes, like ${name} = "SaaS".`;
  if (type === 'number') return `"${name}" is a number: compare it with a plain number, like ${name} = 200.`;
  return `"${name}" is compared with text in double quotes or a plain number.`;
}

function timestamp(attribute: AttributeNode, context: ValidationContext): void {
  const name = attributeText(attribute);
  context.report(DiagnosticCode.TYPE_MISMATCH, `"${name}" is a date: only "is set" and "is not set" work on it.`, attribute);
}
