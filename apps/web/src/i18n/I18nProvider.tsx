import { LOCALES, type Locale } from '@treffpunkt/contracts';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { de, type Messages } from './de';
import { en } from './en';

export const dictionaries: Record<Locale, Messages> = { de, en };
export const DEFAULT_LOCALE: Locale = 'de';

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

interface I18nContextValue {
  locale: Locale;
  t: Messages;
  /** Switches the UI language in memory. Persisting it for the user is the session's job. */
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nContextValue | null>(null);

export function I18nProvider({ children, initialLocale = DEFAULT_LOCALE }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);

  useEffect(() => {
    // Screen readers pick pronunciation from <html lang>.
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18nContextValue>(() => ({ locale, t: dictionaries[locale], setLocale }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n must be used inside <I18nProvider>');
  return context;
}

/** The messages of the current locale: `const t = useT(); t.login.submit`. */
export function useT(): Messages {
  return useI18n().t;
}

const intlLocale: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

/** Dates are shown in the network's time zone, whatever the device says. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(date);
}
