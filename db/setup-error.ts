/**
 * A start-up failure the operator fixes by changing the set-up (a folder, a variable); its
 * message says how, in one sentence, and is shown without a stack trace.
 */
export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupError';
  }
}
