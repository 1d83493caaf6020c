// Lists in `in [..]` hold at most MAX_LIST_ITEMS values; an empty one is
// legal but decides the test on its own (a warning).

import { DiagnosticCode } from '../diagnostic';
import { MAX_LIST_ITEMS } from '../limits';
import type { ValidationRule } from './rule';

export const listSizeRule: ValidationRule = (context) => ({
  In(node) {
    const n = node.list.items.length;
    if (n > MAX_LIST_ITEMS) {
      context.report(DiagnosticCode.TOO_MANY_ITEMS, `This list has ${n} values; a list can hold at most ${MAX_LIST_ITEMS}.`, node.list);
    } else if (n === 0) {
      const always = node.negated ? 'always true when the attribute is set' : 'never true';
      context.report(DiagnosticCode.EMPTY_LIST, `This list is empty, so the test is ${always}.`, node.list, 'warning');
    }
  },
});
