// Shared by the clause checks: the statements that may carry clauses.

import type { ClauseNode, StatementNode } from '../ast';

export type ClauseKind = ClauseNode['kind'];

/** What the statement is called in messages. */
export function statementName(statement: StatementNode): string {
  switch (statement.kind) {
    case 'WhenRule':
      return 'a "when" rule';
    case 'PerRule':
      return 'a "per" rule';
    case 'QualifyRule':
      return 'a "qualify" rule';
    case 'DisqualifyRule':
      return 'a "disqualify" rule';
    default: {
      const _exhaustive: never = statement;
      return _exhaustive;
    }
  }
}

/** Calls `each` for every clause of kind `kind` on statements other than `per` rules. */
export function clausesOutsidePer<K extends ClauseKind>(
  each: (clause: Extract<ClauseNode, { kind: K }>, statement: StatementNode) => void,
  kind: K,
) {
  const onStatement = (statement: StatementNode) => {
    for (const clause of statement.clauses) {
      if (clause.kind === kind) each(clause as Extract<ClauseNode, { kind: K }>, statement);
    }
  };
  return { WhenRule: onStatement, QualifyRule: onStatement, DisqualifyRule: onStatement };
}
