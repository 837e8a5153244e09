import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Filters } from './directoryApi';

/** How long typing pauses before the query string (and so the search) follows. */
export const TYPING_DELAY_MS = 300;

/**
 * Filters that live in the query string (shareable, the back button works). Choices apply at
 * once as a new history entry; typed text follows after a short pause and replaces the entry,
 * so the history does not fill up with every keystroke.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
  const [typed, setTyped] = useState<Partial<Record<K, string>>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // the router's functional update sees the parameters of the render that created the timer:
  // build on the newest ones instead, so a choice made while typing is kept
  const latest = useRef(params);
  useLayoutEffect(() => {
    latest.current = params;
  }, [params]);

  function write(changes: Partial<Record<K, string>>, replace: boolean) {
    const next = new URLSearchParams(latest.current);
    for (const [key, value] of Object.entries(changes) as Array<[string, string]>) {
      if (value.trim()) next.set(key, value.trim());
      else next.delete(key);
    }
    latest.current = next;
    setParams(next, { replace });
  }

  return {
    /** What the API is asked for. */
    filters: filters as Filters & Record<K, string>,
    /** What an input shows: the typed text while it waits, else the query string's value. */
    value: (key: K): string => typed[key] ?? filters[key],
    /** A choice (select, checkbox): applies now. */
    choose: (key: K, value: string) => {
      write({ [key]: value } as Partial<Record<K, string>>, false);
    },
    /** Typed text: applies after a pause. */
    type: (key: K, value: string) => {
      setTyped((current) => ({ ...current, [key]: value }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        write({ [key]: value } as Partial<Record<K, string>>, true);
        setTyped((current) => {
          const rest = { ...current };
          delete rest[key];
          return rest;
        });
      }, TYPING_DELAY_MS);
    },
    reset: () => {
      if (timer.current) clearTimeout(timer.current);
      setTyped({});
      write(Object.fromEntries(keys.map((key) => [key, ''])) as Partial<Record<K, string>>, false);
    },
    active: keys.some((key) => filters[key] !== ''),
  };
}
