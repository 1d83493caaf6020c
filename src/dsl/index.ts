// The rule language's public entry points. Backends add their exports here.

export type * from './ast';
export { parse, type ParseResult } from './parse';
export { check, type CheckOptions, type CheckResult, type RuleSummary } from './check';
export { compileSource } from './compile';
export { DiagnosticCode, type Diagnostic } from './diagnostic';
export { didYouMean, suggestionList } from './didYouMean';
export * as limits from './limits';
export type * from './program';
export { DEFAULT_GRADE_BANDS, DISQUALIFIED_STAGE } from './program';
export type * from './facts';
export { planJs, type JsScorer } from './js';
export { compileToSql, scoreRowToResult, type SqlScoreOptions, type ScoreRow } from './sql';
