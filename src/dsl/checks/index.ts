// Every check, in the order their messages are most helpful when several
// hit the same place (diagnostics are sorted by position afterwards).

import { decayOnlyOnPerRule } from './decayOnlyOnPerRule';
import { decayPercentRule } from './decayPercentRule';
import { durationRangeRule } from './durationRangeRule';
import { durationUnitRule } from './durationUnitRule';
import { knownAttributeRule } from './knownAttributeRule';
import { knownSelectorRule } from './knownSelectorRule';
import { knownStageRule } from './knownStageRule';
import { listSizeRule } from './listSizeRule';
import { maxOnlyOnPerRule } from './maxOnlyOnPerRule';
import { numberRangeRule } from './numberRangeRule';
import { positiveMaxRule } from './positiveMaxRule';
import type { ValidationRule } from './rule';
import { selectorArgumentsRule } from './selectorArgumentsRule';
import { signRequiredRule } from './signRequiredRule';
import { typeMismatchRule } from './typeMismatchRule';
import { uniqueClausesRule } from './uniqueClausesRule';
import { withinPlacementRule } from './withinPlacementRule';
import { zeroPointsRule } from './zeroPointsRule';

export type { ValidationContext, ValidationRule } from './rule';

export const specifiedRules: readonly ValidationRule[] = [
  signRequiredRule,
  knownAttributeRule,
  knownSelectorRule,
  selectorArgumentsRule,
  typeMismatchRule,
  durationUnitRule,
  durationRangeRule,
  numberRangeRule,
  listSizeRule,
  decayOnlyOnPerRule,
  maxOnlyOnPerRule,
  withinPlacementRule,
  uniqueClausesRule,
  positiveMaxRule,
  decayPercentRule,
  knownStageRule,
  zeroPointsRule,
];
