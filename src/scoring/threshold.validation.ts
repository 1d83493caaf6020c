import { DISQUALIFIED_STAGE } from '../dsl/program';
import { AppError } from '../errors/appError';
import { ErrorCode } from '../errors/errorCode';

export interface ThresholdFields {
  stage: string;
  minScore: number;
  minFit?: number | null;
}

/** Most thresholds a model may have, and the longest stage name. */
export const MAX_THRESHOLDS = 20;
export const MAX_STAGE_LENGTH = 50;

/**
 * Checks thresholds given lowest stage first: names unique (case-sensitively
 * distinct, not "disqualified"), minScore strictly ascending and within
 * [minScore, maxScore] of the model, minFit within the limits too.
 * Returns them trimmed; throws INVALID_THRESHOLDS naming the first problem.
 */
export function validateThresholds(input: readonly ThresholdFields[], minScore: number, maxScore: number): ThresholdFields[] {
  const fail = (index: number, why: string): never => {
    throw new AppError(ErrorCode.INVALID_THRESHOLDS, `Threshold ${index}: ${why}`, { index });
  };
  if (input.length > MAX_THRESHOLDS) fail(MAX_THRESHOLDS, `a model has at most ${MAX_THRESHOLDS} thresholds`);
  const seen = new Set<string>();
  return input.map((t, index) => {
    const stage = t.stage.trim();
    if (!stage || stage.length > MAX_STAGE_LENGTH) fail(index, `a stage name has 1 to ${MAX_STAGE_LENGTH} characters`);
    if (stage.toLowerCase() === DISQUALIFIED_STAGE) fail(index, `"${DISQUALIFIED_STAGE}" is reserved for disqualify rules`);
    if (seen.has(stage.toLowerCase())) fail(index, `stage "${stage}" appears twice`);
    seen.add(stage.toLowerCase());
    if (!Number.isFinite(t.minScore) || t.minScore < minScore || t.minScore > maxScore) {
      fail(index, `minScore ${t.minScore} lies outside the model's limits [${minScore}, ${maxScore}]`);
    }
    if (index > 0 && t.minScore <= input[index - 1].minScore) {
      fail(index, `minScore ${t.minScore} must be above the previous stage's ${input[index - 1].minScore}: list stages lowest first`);
    }
    if (t.minFit != null && (!Number.isFinite(t.minFit) || t.minFit < minScore || t.minFit > maxScore)) {
      fail(index, `minFit ${t.minFit} lies outside the model's limits [${minScore}, ${maxScore}]`);
    }
    return { stage, minScore: t.minScore, minFit: t.minFit ?? null };
  });
}
