import { decodeCursor, encodeCursor, isBigint, isTimestamp } from './cursor';

describe('cursors', () => {
  it('round-trip the values that position a row', () => {
    const cursor = encodeCursor('event', ['2026-03-01T10:00:00.123000Z', '42']);
    expect(decodeCursor('event', cursor, 2, [isTimestamp, isBigint])).toEqual(['2026-03-01T10:00:00.123000Z', '42']);
  });

  it.each([
    ['garbage', 'not-base64!'],
    ['another kind', encodeCursor('lead:TOTAL:DESC', ['1', 'x'])],
    ['the wrong arity', encodeCursor('event', ['2026-03-01T10:00:00Z'])],
    ['a value that is not a timestamp', encodeCursor('event', ["2026'; DROP TABLE events; --", '1'])],
    ['a value that is not a bigint', encodeCursor('event', ['2026-03-01T10:00:00Z', '1 OR 1=1'])],
    ['an over-long value', encodeCursor('event', ['2026-03-01T10:00:00Z', '9'.repeat(300)])],
  ])('refuse %s with INVALID_CURSOR', (_name, cursor) => {
    expect(() => decodeCursor('event', cursor, 2, [isTimestamp, isBigint])).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
