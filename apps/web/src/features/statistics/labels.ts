import type { ConsultationStatsDto, StatsDimension, StatsKey, StatsValue } from '@treffpunkt/contracts';
import { useMemo } from 'react';
import { useI18n, useT } from '../../i18n';
import { formatCount, formatMonth } from './csv';

/** Names of dimension values in the UI language: enum texts, Intl names for ISO codes, organisation names. */
export function useKeyLabel(): (dimension: StatsDimension, key: StatsKey) => string {
  const t = useT();
  const { locale } = useI18n();
  return useMemo(() => {
    const languages = new Intl.DisplayNames([locale], { type: 'language' });
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    return (dimension: StatsDimension, { key, label }: StatsKey) => {
      if (key === null) return t.statistics.notSpecified;
      if (label !== null) return label;
      switch (dimension) {
        case 'month':
          return formatMonth(key);
        case 'topic':
          return t.statistics.topics[key as keyof typeof t.statistics.topics];
        case 'channel':
          return t.statistics.channels[key as keyof typeof t.statistics.channels];
        case 'outcome':
          return t.statistics.outcomes[key as keyof typeof t.statistics.outcomes];
        case 'language':
          return languages.of(key) ?? key;
        case 'country':
          return regions.of(key) ?? key;
        default:
          return key;
      }
    };
  }, [t, locale]);
}

/** A published number as shown in tables and CSV: "1.234", "<5" or "•". */
export function useValueText(): (value: StatsValue) => string {
  const t = useT();
  return (value) =>
    value.suppressed === 'small' ? t.statistics.small : value.suppressed ? t.statistics.hidden : formatCount(value.count ?? 0);
}

export type StatsTable = ConsultationStatsDto;
