// `decay` weighs each event by its age, so it only means something on `per` rules.

import { DiagnosticCode } from '../diagnostic';
import { clausesOutsidePer, statementName } from './clauses';
import type { ValidationRule } from './rule';

export const decayOnlyOnPerRule: ValidationRule = (context) =>
  clausesOutsidePer((clause, statement) => {
    context.report(
      DiagnosticCode.DECAY_ON_WHEN,
      `"decay" can't be used on ${statementName(statement)}: it only works on "per" rules, like +3 per opened_email() decay 50% every 14d.`,
      clause,
    );
  }, 'Decay');
