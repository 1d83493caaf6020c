export { compileToSql, type SqlScoreOptions } from './compile';
export { scoreRowToResult, type ScoreRow } from './rows';
