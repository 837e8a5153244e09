import { hasPermission } from '@treffpunkt/contracts';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router-dom';
import { berlinDayKey, shiftMonth } from '../../components/berlinTime';
import { LiveMessage } from '../../components/LiveMessage';
import { SelectField, TextField } from '../../components/Field';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { AppPaths } from '../../paths';
import { useCurrentUser } from '../auth/SessionProvider';
import { statisticsApi, statisticsKeys, type StatsParams } from './api';
import { formatCount, formatDay } from './csv';
import { StatsSection } from './StatsSection';

/** The last twelve months, this one included, by the Berlin calendar. */
export function defaultRange(now = new Date()): { from: string; to: string } {
  const to = berlinDayKey(now);
  return { from: `${shiftMonth(to.slice(0, 7), -11)}-01`, to };
}

const SECTIONS = [
  { key: 'month', groupBy: 'month', chart: 'line', file: 'beratungen-pro-monat' },
  { key: 'servicePoint', groupBy: 'month,servicePoint', chart: 'bar', file: 'beratungen-pro-servicestelle' },
  { key: 'topic', groupBy: 'topic', chart: 'bar', file: 'beratungen-nach-thema' },
  { key: 'channel', groupBy: 'channel', chart: 'bar', file: 'beratungen-nach-beratungsweg' },
  { key: 'referrals', groupBy: 'referredTo', chart: 'bar', file: 'vermittlungen' },
] as const;

export function StatisticsPage() {
  const t = useT();
  const user = useCurrentUser();
  const errorMessage = useErrorMessage();
  usePageTitle(t.statistics.title);
  const seeAll = hasPermission(user.role, 'statistics.view_all');
  const canRecord = hasPermission(user.role, 'statistics.record');
  const [draft, setDraft] = useState({ ...defaultRange(), servicePointId: '' });
  const [filter, setFilter] = useState(draft);

  const options = useQuery({ queryKey: statisticsKeys.options(), queryFn: ({ signal }) => statisticsApi.options(signal), enabled: seeAll });
  // one service point's table by service point would be a single column: the month table says it all
  const sections = SECTIONS.filter((s) => s.key !== 'servicePoint' || (seeAll && filter.servicePointId === ''));
  const results = useQueries({
    queries: sections.map((s) => {
      const params: StatsParams = {
        from: filter.from,
        to: filter.to,
        groupBy: s.groupBy,
        servicePointId: filter.servicePointId || undefined,
      };
      return {
        queryKey: statisticsKeys.stats(params),
        queryFn: ({ signal }: { signal: AbortSignal }) => statisticsApi.stats(params, signal),
      };
    }),
  });
  const first = results[0]?.data;
  const failed = results.find((r) => r.isError);
  const titles = {
    month: t.statistics.perMonth,
    servicePoint: t.statistics.perServicePoint,
    topic: t.statistics.perTopic,
    channel: t.statistics.perChannel,
    referrals: t.statistics.referrals,
  };

  const apply = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter(draft);
  };

  return (
    <section className="page statistics">
      <div className="statistics__head">
        <h1>{t.statistics.title}</h1>
        {canRecord ? (
          <Link className="button button--primary" to={AppPaths.statisticsRecord}>
            {t.statistics.recordLink}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t.statistics.intro}</p>
      <form className="statistics__filters card" onSubmit={apply} aria-label={t.statistics.filters}>
        <TextField
          label={t.statistics.from}
          type="date"
          required
          value={draft.from}
          max={draft.to}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <TextField
          label={t.statistics.to}
          type="date"
          required
          value={draft.to}
          min={draft.from}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        {seeAll ? (
          <SelectField
            label={t.statistics.servicePoint}
            value={draft.servicePointId}
            onChange={(e) => setDraft({ ...draft, servicePointId: e.target.value })}
          >
            <option value="">{t.statistics.allServicePoints}</option>
            {(options.data?.servicePoints ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <button type="submit" className="button">
          {t.statistics.show}
        </button>
      </form>
      <LiveMessage kind="error">{failed ? errorMessage(failed.error) : ''}</LiveMessage>
      {first ? (
        <div className="statistics__summary">
          <p className="statistics__total">
            {t.statistics.totalConsultations}:{' '}
            <strong data-testid="consultation-total">
              {first.total.count === null ? t.statistics.small : formatCount(first.total.count)}
            </strong>
          </p>
          <p>{t.statistics.period(formatDay(first.from), formatDay(first.to))}</p>
          {first.servicePoint && !seeAll ? <p>{t.statistics.ownServicePoint(first.servicePoint.name)}</p> : null}
          {first.disclosureControl ? <p className="muted">{t.statistics.disclosure}</p> : null}
        </div>
      ) : (
        <p role="status">{t.common.loading}</p>
      )}
      <div className="statistics__grid">
        {sections.map((s, i) => {
          const data = results[i]?.data;
          return data ? <StatsSection key={s.key} title={titles[s.key]} stats={data} chart={s.chart} fileName={s.file} /> : null;
        })}
      </div>
    </section>
  );
}
