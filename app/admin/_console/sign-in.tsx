'use client';

import { useState, type FormEvent } from 'react';
import type { AdminChangesPage } from '../../../protocol/admin';
import { ApiError, apiJson } from '../../_shared/api-client';

/** Asks for the operator token and checks it against the API before keeping it. */
export function SignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await apiJson<AdminChangesPage>('/api/admin/changes?limit=1', { token: token.trim() });
      onSignedIn(token.trim());
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 401
          ? 'That token is not right.'
          : failure instanceof Error
            ? failure.message
            : 'Sign-in failed.',
      );
    }
  };
  return (
    <form onSubmit={submit}>
      <section>
        <h2>Sign in</h2>
        <label>
          Operator token
          <input
            type="password"
            data-testid="admin-token"
            autoComplete="current-password"
            value={token}
            onChange={(event) => setToken(event.target.value)}
          />
        </label>{' '}
        <button type="submit">Sign in</button> {error && <span role="alert">{error}</span>}
      </section>
    </form>
  );
}
