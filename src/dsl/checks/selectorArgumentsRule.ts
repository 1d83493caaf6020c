// A known selector gets the arguments it takes: the fixed selectors at most
// one text (visited exactly one); event() a type, then KEY = "VALUE" pairs.

import type { SelectorNode } from '../ast';
import { GENERIC_SELECTOR, SELECTORS, isFixedSelector } from '../catalog';
import { DiagnosticCode } from '../diagnostic';
import type { ValidationContext, ValidationRule } from './rule';

export const selectorArgumentsRule: ValidationRule = (context) => ({
  Selector(node) {
    const name = node.name.value;
    if (isFixedSelector(name)) checkFixed(node, context);
    else if (name === GENERIC_SELECTOR) checkGeneric(node, context);
  },
});

function checkFixed(node: SelectorNode, context: ValidationContext): void {
  const spec = SELECTORS[node.name.value];
  const usage = spec.required ? `${node.name.value} takes one text in quotes, like ${spec.example}.` : `${node.name.value} takes nothing or one text in quotes, like ${spec.example}.`;
  const report = (at: { range: SelectorNode['range'] }) => context.report(DiagnosticCode.SELECTOR_ARGUMENTS, usage, at);
  if (node.args.length === 0) {
    if (spec.required) report(node);
    return;
  }
  if (node.args.length > 1) return report(node.args[1]);
  if (node.args[0].kind !== 'String') report(node.args[0]);
}

function checkGeneric(node: SelectorNode, context: ValidationContext): void {
  const usage = 'event takes an event type in quotes, then optional property tests, like event("webinar", topic = "pricing").';
  const [type, ...properties] = node.args;
  if (!type || type.kind !== 'String' || type.value === '') {
    context.report(DiagnosticCode.SELECTOR_ARGUMENTS, usage, type ?? node);
    return;
  }
  const seen = new Set<string>();
  for (const property of properties) {
    if (property.kind !== 'NamedArgument' || property.value.kind !== 'String') {
      context.report(DiagnosticCode.SELECTOR_ARGUMENTS, usage, property);
    } else if (seen.has(property.name.value)) {
      context.report(DiagnosticCode.SELECTOR_ARGUMENTS, `Property "${property.name.value}" is tested twice in this event.`, property.name);
    } else {
      seen.add(property.name.value);
    }
  }
}
