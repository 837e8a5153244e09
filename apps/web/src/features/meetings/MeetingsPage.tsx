import { hasPermission, MEETING_FORMATS, WebPaths, type MeetingSummaryDto, type SpaceDto } from '@treffpunkt/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n';
import { useCurrentUser } from '../auth/SessionProvider';
import { noticeFrom } from '../forum/SpacePage';
import { addDays, berlinDayKey, MONTH_KEY, monthGrid, shiftMonth, startOfBerlinDay } from '../../components/berlinTime';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { formatDayKey, formatTimeRange } from './format';
import { MeetingBadges, MyStatusBadge } from './MeetingBits';
import { meetingsApi, type MeetingListParams } from './meetingsApi';
import { MonthView } from './MonthView';
import { meetingKeys } from './queryKeys';
import { useMeetingNotifications } from './useMeetingNotifications';

export const MEETINGS_NEW_PATH = '/termine/neu';
export const meetingEditPath = (id: string): string => `${WebPaths.meeting(id)}/bearbeiten`;

/** Filter value of the space select for network-wide meetings (spaceId null). */
export const NETWORK_FILTER = 'netzwerk';

type View = 'month' | 'agenda';

/** Spaces the caller may create meetings in; `network` = may also create network-wide ones. */
export function creatableSpaces(role: Parameters<typeof hasPermission>[0], spaces: SpaceDto[]): { network: boolean; spaces: SpaceDto[] } {
  const coordinator = hasPermission(role, 'meetings.create');
  return {
    network: coordinator,
    spaces: spaces.filter((space) => !space.archived && (coordinator || space.permissions.moderate)),
  };
}

export function useMeetingSpaces() {
  return useQuery({ queryKey: meetingKeys.spaces(), queryFn: ({ signal }) => meetingsApi.spaces(signal), staleTime: 60_000 });
}

export function MeetingsPage() {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const user = useCurrentUser();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  usePageTitle(t.meetings.title);
  useMeetingNotifications();
  const headingId = useId();

  // The clock is read once per visit: "today" and the agenda's start stay stable while the page is open.
  const [todayKey] = useState(() => berlinDayKey(Date.now()));
  const view: View = params.get('ansicht') === 'liste' ? 'agenda' : 'month';
  const monthParam = params.get('monat') ?? '';
  const month = MONTH_KEY.test(monthParam) ? monthParam : todayKey.slice(0, 7);
  const spaceFilter = params.get('bereich') ?? '';
  const formatParam = params.get('format') ?? '';
  const formatFilter = MEETING_FORMATS.find((format) => format === formatParam);

  const spaces = useMeetingSpaces();
  const creatable = creatableSpaces(user.role, spaces.data ?? []);
  const canCreate = creatable.network || creatable.spaces.length > 0;

  const range = useMemo(() => {
    if (view === 'agenda') {
      const from = startOfBerlinDay(todayKey);
      return { from: from.toISOString(), to: startOfBerlinDay(addDays(todayKey, 366)).toISOString() };
    }
    const [year = 1970, monthNumber = 1] = month.split('-').map(Number);
    const grid = monthGrid(year, monthNumber);
    const first = grid.weeks[0]?.[0] ?? grid.first;
    const last = grid.weeks.at(-1)?.[6] ?? grid.first;
    return { from: startOfBerlinDay(first).toISOString(), to: startOfBerlinDay(addDays(last, 1)).toISOString() };
  }, [view, month, todayKey]);

  const query: MeetingListParams = {
    ...range,
    spaceId: spaceFilter && spaceFilter !== NETWORK_FILTER ? spaceFilter : undefined,
    format: formatFilter,
  };
  const meetings = useQuery({
    queryKey: meetingKeys.list(query),
    queryFn: ({ signal }) => meetingsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const items = useMemo(
    () => (meetings.data?.items ?? []).filter((meeting) => spaceFilter !== NETWORK_FILTER || meeting.spaceId === null),
    [meetings.data, spaceFilter],
  );

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  }

  const notice = noticeFrom(location.state);

  return (
    <section className="page stack meetings-page" aria-labelledby={headingId}>
      <div className="page-heading meetings-page__heading">
        <h1 id={headingId}>{t.meetings.title}</h1>
        {canCreate ? (
          <Link to={MEETINGS_NEW_PATH} className="button button--primary">
            {t.meetings.create}
          </Link>
        ) : null}
      </div>
      <p className="lead">
        {t.meetings.intro} {t.meetings.timeZoneNote}
      </p>
      <LiveMessage kind="success">{notice}</LiveMessage>

      <div className="meetings-toolbar" role="search" aria-label={t.meetings.filters}>
        <div className="field">
          <label htmlFor="meetings-space">{t.meetings.spaceFilter}</label>
          <select
            id="meetings-space"
            value={spaceFilter}
            onChange={(event) => {
              update({ bereich: event.target.value });
            }}
          >
            <option value="">{t.meetings.allSpaces}</option>
            <option value={NETWORK_FILTER}>{t.meetings.networkWide}</option>
            {(spaces.data ?? []).map((space) => (
              <option key={space.id} value={space.id}>
                {space.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="meetings-format">{t.meetings.formatFilter}</label>
          <select
            id="meetings-format"
            value={formatFilter ?? ''}
            onChange={(event) => {
              update({ format: event.target.value });
            }}
          >
            <option value="">{t.meetings.allFormats}</option>
            {MEETING_FORMATS.map((format) => (
              <option key={format} value={format}>
                {t.meetings.formats[format]}
              </option>
            ))}
          </select>
        </div>
        <div role="group" aria-label={t.meetings.view} className="segmented">
          <button
            type="button"
            className="button"
            aria-pressed={view === 'month'}
            onClick={() => {
              update({ ansicht: null });
            }}
          >
            {t.meetings.viewMonth}
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={view === 'agenda'}
            onClick={() => {
              update({ ansicht: 'liste' });
            }}
          >
            {t.meetings.viewAgenda}
          </button>
        </div>
      </div>

      <LiveMessage kind="error">{meetings.isError ? errorMessage(meetings.error) : ''}</LiveMessage>

      {view === 'month' ? (
        <MonthView
          month={month}
          todayKey={todayKey}
          meetings={items}
          loading={meetings.isPending}
          onMonthChange={(next) => {
            update({ monat: next === todayKey.slice(0, 7) ? null : next });
          }}
          previous={shiftMonth(month, -1)}
          next={shiftMonth(month, 1)}
          current={todayKey.slice(0, 7)}
        />
      ) : (
        <AgendaList meetings={items} loading={meetings.isPending} />
      )}

      <CalendarFeedPanel />
    </section>
  );
}

/** Upcoming meetings grouped by Berlin day. */
export function AgendaList({ meetings, loading }: { meetings: MeetingSummaryDto[]; loading: boolean }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const groups = useMemo(() => {
    const byDay = new Map<string, MeetingSummaryDto[]>();
    for (const meeting of meetings) {
      const key = berlinDayKey(meeting.startsAt);
      byDay.set(key, [...(byDay.get(key) ?? []), meeting]);
    }
    return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [meetings]);

  return (
    <section aria-labelledby={headingId} className="meetings-agenda">
      <h2 id={headingId}>{t.meetings.agendaHeading}</h2>
      {loading ? (
        <p role="status">{t.common.loading}</p>
      ) : groups.length === 0 ? (
        <p>{t.meetings.noUpcoming}</p>
      ) : (
        groups.map(([day, dayMeetings]) => (
          <section key={day} className="agenda-day" aria-labelledby={`agenda-${day}`}>
            <h3 id={`agenda-${day}`}>{formatDayKey(day, locale)}</h3>
            <ul className="agenda-list">
              {dayMeetings.map((meeting) => (
                <li key={meeting.id} className={meeting.status === 'cancelled' ? 'agenda-item agenda-item--cancelled' : 'agenda-item'}>
                  <span className="agenda-item__time">{formatTimeRange(meeting.startsAt, meeting.endsAt, locale)}</span>
                  <div className="agenda-item__main">
                    <Link to={WebPaths.meeting(meeting.id)} className="agenda-item__title">
                      {meeting.status === 'cancelled' ? <span className="visually-hidden">{t.meetings.cancelled}:</span> : null}{' '}
                      {meeting.title}
                    </Link>
                    <MeetingBadges meeting={meeting} />
                    <p className="agenda-item__meta muted">
                      {[meeting.spaceName ?? t.meetings.networkWide, meeting.location, meeting.onlineUrl ? t.meetings.online : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  </div>
                  <MyStatusBadge meeting={meeting} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
