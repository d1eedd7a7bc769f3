import { useEffect, useState } from 'react';

/** The time now, brought up to date every `everyMs` while `active` ("5 minutes ago" texts). */
export function useNow(everyMs: number, active = true): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!active) return;
    setNow(new Date());
    const clock = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(clock);
  }, [everyMs, active]);
  return now;
}
