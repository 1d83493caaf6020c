// `qualify "X"` names a threshold of the model, when the thresholds are known.

import { DiagnosticCode } from '../diagnostic';
import { didYouMean } from '../didYouMean';
import type { ValidationRule } from './rule';

export const knownStageRule: ValidationRule = (context) => ({
  QualifyRule(node) {
    const stage = node.stage.value;
    if (stage.trim() === '') {
      context.report(DiagnosticCode.UNKNOWN_STAGE, 'The stage name is empty: name one of the model\'s thresholds, like qualify "SQL".', node.stage);
      return;
    }
    const stages = context.stages;
    if (stages === null || stages.includes(stage)) return;
    const known = stages.length === 0 ? ' The model has no thresholds yet.' : ` Stages are: ${stages.map((s) => `"${s}"`).join(', ')}.`;
    const suggestion = didYouMean(stage, stages);
    context.report(DiagnosticCode.UNKNOWN_STAGE, `Unknown stage "${stage}".${suggestion || known}`, node.stage);
  },
});
