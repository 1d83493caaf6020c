// A TypeORM logger that counts every statement against the current request
// (observability/requestScope) and writes statements to the log at debug level.

import type { Logger as PinoLogger } from 'pino';
import type { Logger } from 'typeorm';
import { requestScope } from '../observability/requestScope';

export class SqlLogger implements Logger {
  constructor(
    private readonly pino: PinoLogger,
    /** Called once per statement with the current request's operation name ('' outside a request). */
    private readonly onStatement: (operation: string) => void = () => undefined,
  ) {}

  logQuery(query: string): void {
    const scope = requestScope.getStore();
    if (scope) scope.statements += 1;
    this.onStatement(scope?.operation ?? '');
    if (this.pino.isLevelEnabled('trace')) this.pino.trace({ sql: query }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    this.pino.debug({ err: error, sql: query.slice(0, 500) }, 'sql error');
  }

  logQuerySlow(time: number, query: string): void {
    this.pino.warn({ ms: time, sql: query.slice(0, 500) }, 'slow sql');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.pino.info({ migration: message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.pino.warn({ message }, 'typeorm');
  }
}
