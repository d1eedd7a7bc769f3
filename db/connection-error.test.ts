import { describe, expect, it } from 'vitest';
import { isConnectionError } from './connection-error';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isConnectionError', () => {
  it.each<[string, unknown, boolean]>([
    ['refused', pgError('ECONNREFUSED'), true],
    ['reset', pgError('ECONNRESET'), true],
    ['admin shutdown', pgError('57P01'), true],
    ['cannot connect now', pgError('57P03'), true],
    ['too many connections', pgError('53300'), true],
    ['connection failure', pgError('08006'), true],
    ['pool timeout', new Error('timeout exceeded when trying to connect'), true],
    ['terminated', new Error('Connection terminated unexpectedly'), true],
    [
      'closed to connections',
      pgError('55000', 'database "b" is not currently accepting connections'),
      true,
    ],
    ['other prerequisite state', pgError('55000', 'cannot drop'), false],
    ['syntax error', pgError('42601', 'syntax error at or near'), false],
    ['not null violation', pgError('23502'), false],
    ['undefined table', pgError('42P01'), false],
    ['plain bug', new TypeError('x is undefined'), false],
    ['not an error', 'ECONNREFUSED', false],
  ])('%s', (_name, error, expected) => {
    expect(isConnectionError(error)).toBe(expected);
  });
});
