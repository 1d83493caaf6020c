// Every event selector is one the language knows.

import { LEAD_FIELD_NAMES, SELECTOR_NAMES } from '../catalog';
import { DiagnosticCode } from '../diagnostic';
import { didYouMean } from '../didYouMean';
import type { ValidationRule } from './rule';

export const knownSelectorRule: ValidationRule = (context) => ({
  Selector(node) {
    const name = node.name.value;
    if (SELECTOR_NAMES.includes(name)) return;
    const attribute = (LEAD_FIELD_NAMES as readonly string[]).includes(name)
      ? ` "${name}" is an attribute: compare it, like ${name} = "…".`
      : '';
    const suggestion = didYouMean(name, SELECTOR_NAMES);
    const known = suggestion === '' && attribute === '' ? ` Events are ${SELECTOR_NAMES.join(', ')}.` : '';
    context.report(DiagnosticCode.UNKNOWN_SELECTOR, `Unknown event "${name}".${suggestion}${attribute}${known}`, node.name);
  },
});
