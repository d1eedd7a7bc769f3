'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { attachKeyboardShortcuts } from './keyboard-shortcuts';
import { Session } from './session';

const SessionContext = createContext<Session | null>(null);

/** Starts the visitor's session once for the page; the leaves below reach it with `useSession`. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session] = useState(() => new Session());
  useEffect(() => {
    session.start();
    const detachKeys = attachKeyboardShortcuts(session);
    return () => {
      detachKeys();
      session.stop();
    };
  }, [session]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
