export { I18nProvider, useI18n, useT, formatDateTime, isLocale, dictionaries, DEFAULT_LOCALE } from './I18nProvider';
export type { Messages } from './de';
