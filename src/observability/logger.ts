import pino, { type Logger } from 'pino';

/** A JSON logger (pino) at the given level; child loggers carry the request id. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'leadscore' }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
