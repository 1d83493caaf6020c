// Every attribute names a lead field or a custom attribute `attributes.NAME`.

import { CUSTOM_ATTRIBUTE_NAME, CUSTOM_PREFIX, LEAD_FIELD_NAMES, SELECTOR_NAMES, attributeText, resolveAttribute } from '../catalog';
import { DiagnosticCode } from '../diagnostic';
import { didYouMean } from '../didYouMean';
import type { ValidationRule } from './rule';

export const knownAttributeRule: ValidationRule = (context) => ({
  Attribute(node) {
    if (resolveAttribute(node)) return;
    const name = attributeText(node);
    const [head, ...rest] = node.path.map((n) => n.value);
    let message: string;
    if (head === CUSTOM_PREFIX && rest.length === 1) {
      message = `"${name}" is not a valid custom attribute: after "attributes." use lower-case letters, digits and _, like attributes.plan_type.`;
    } else if (head === CUSTOM_PREFIX) {
      message = `"${name}" is not a valid custom attribute: write attributes.NAME with a single name, like attributes.plan_type.`;
    } else if (rest.length === 0 && SELECTOR_NAMES.includes(head)) {
      message = `"${name}" is an event, not an attribute: write it with parentheses, like ${head}("…").`;
    } else {
      const suggestion = didYouMean(name, LEAD_FIELD_NAMES);
      const custom =
        suggestion === '' && rest.length === 0 && CUSTOM_ATTRIBUTE_NAME.test(head)
          ? ` If it is a custom attribute, write attributes.${head}.`
          : '';
      message = `Unknown attribute "${name}".${suggestion}${custom}`;
    }
    context.report(DiagnosticCode.UNKNOWN_ATTRIBUTE, message, node);
  },
});
