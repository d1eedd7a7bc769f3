import type { z } from 'zod';
import { AppError } from './app-error';

/** Parses input with its schema; anything else becomes a 400 invalid_request naming the first problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new AppError('invalid_request', `${where}${issue.message}`, 400);
}
