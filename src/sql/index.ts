export { sql, compile, isSqlFragment, type SqlFragment, type CompiledSql } from './sql';
