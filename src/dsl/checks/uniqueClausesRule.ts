// Each clause at most once per rule.

import type { StatementNode } from '../ast';
import { DiagnosticCode } from '../diagnostic';
import type { ValidationRule } from './rule';

const WORD = { Within: 'within', Max: 'max', Decay: 'decay' } as const;

export const uniqueClausesRule: ValidationRule = (context) => {
  const onStatement = (statement: StatementNode) => {
    const seen = new Set<string>();
    for (const clause of statement.clauses) {
      if (seen.has(clause.kind)) {
        context.report(DiagnosticCode.DUPLICATE_CLAUSE, `"${WORD[clause.kind]}" is given twice in this rule; keep one.`, clause);
      }
      seen.add(clause.kind);
    }
  };
  return { WhenRule: onStatement, PerRule: onStatement, QualifyRule: onStatement, DisqualifyRule: onStatement };
};
