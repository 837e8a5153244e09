import { WebPaths, type MeetingSummaryDto } from '@treffpunkt/contracts';
import { useId, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { LiveMessage } from '../../components/LiveMessage';
import { useI18n } from '../../i18n';
import { berlinDaysOf, monthGrid } from '../../components/berlinTime';
import { formatDayKey, formatMonth, formatTime, rsvpStateText, weekdayNames } from './format';

/** Meetings per Berlin day key; a meeting spanning days is listed on each of them. */
export function meetingsByDay(meetings: MeetingSummaryDto[]): Map<string, MeetingSummaryDto[]> {
  const byDay = new Map<string, MeetingSummaryDto[]>();
  for (const meeting of meetings) {
    for (const day of berlinDaysOf(meeting.startsAt, meeting.endsAt)) byDay.set(day, [...(byDay.get(day) ?? []), meeting]);
  }
  for (const list of byDay.values()) list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return byDay;
}

/**
 * The month as a table: weekday column headers (Monday first), one row per week, each day cell
 * naming its date (and "Heute") for screen readers and listing its meetings as links.
 */
export function MonthView({
  month,
  todayKey,
  meetings,
  loading,
  onMonthChange,
  previous,
  next,
  current,
}: {
  /** "YYYY-MM" */
  month: string;
  todayKey: string;
  meetings: MeetingSummaryDto[];
  loading: boolean;
  onMonthChange: (month: string) => void;
  previous: string;
  next: string;
  current: string;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [year = 1970, monthNumber = 1] = month.split('-').map(Number);
  const grid = useMemo(() => monthGrid(year, monthNumber), [year, monthNumber]);
  const byDay = useMemo(() => meetingsByDay(meetings), [meetings]);
  const weekdays = weekdayNames(locale);
  const monthName = formatMonth(month, locale);
  const inMonth = meetings.filter((meeting) => berlinDaysOf(meeting.startsAt, meeting.endsAt).some((day) => day.startsWith(month)));

  return (
    <section aria-labelledby={headingId} className="month-view">
      <div className="month-view__nav">
        <button
          type="button"
          className="button"
          onClick={() => {
            onMonthChange(previous);
          }}
        >
          <span aria-hidden="true">‹ </span>
          {t.meetings.previousMonth}
        </button>
        <h2 id={headingId} className="month-view__title">
          {monthName}
        </h2>
        <button
          type="button"
          className="button"
          onClick={() => {
            onMonthChange(next);
          }}
        >
          {t.meetings.nextMonth}
          <span aria-hidden="true"> ›</span>
        </button>
        {month !== current ? (
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              onMonthChange(current);
            }}
          >
            {t.meetings.currentMonth}
          </button>
        ) : null}
      </div>
      <LiveMessage kind="info">{loading ? t.common.loading : `${monthName}: ${t.meetings.monthCount(inMonth.length)}`}</LiveMessage>
      <div className="table-scroll">
        <table className="month-grid">
          <caption className="visually-hidden">{t.meetings.monthCaption(monthName)}</caption>
          <thead>
            <tr>
              {weekdays.map((weekday) => (
                <th key={weekday.long} scope="col">
                  <abbr title={weekday.long}>{weekday.short}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.weeks.map((week) => (
              <tr key={week[0]}>
                {week.map((day) => {
                  const dayMeetings = byDay.get(day) ?? [];
                  const outside = !day.startsWith(month);
                  const today = day === todayKey;
                  return (
                    <td
                      key={day}
                      data-day={day}
                      aria-current={today ? 'date' : undefined}
                      className={['month-day', outside ? 'month-day--outside' : '', today ? 'month-day--today' : '']
                        .filter(Boolean)
                        .join(' ')}
                    >
                      <div className="month-day__head">
                        <span className="month-day__number" aria-hidden="true">
                          {Number(day.slice(8))}
                        </span>
                        <span className="visually-hidden">{t.meetings.dayLabel(formatDayKey(day, locale), dayMeetings.length)}</span>
                        {today ? <span className="badge badge--today">{t.meetings.today}</span> : null}
                      </div>
                      {dayMeetings.length > 0 ? (
                        <ul className="month-day__list">
                          {dayMeetings.map((meeting) => (
                            <li key={meeting.id}>
                              <Link
                                to={WebPaths.meeting(meeting.id)}
                                className={meeting.status === 'cancelled' ? 'month-meeting month-meeting--cancelled' : 'month-meeting'}
                              >
                                <span className="month-meeting__time">{formatTime(meeting.startsAt, locale)}</span>{' '}
                                {meeting.status === 'cancelled' ? <span className="visually-hidden">{t.meetings.cancelled}:</span> : null}{' '}
                                <span className="month-meeting__title">{meeting.title}</span>
                                {meeting.myRsvp ? (
                                  <span className={`month-meeting__status rsvp-state--${meeting.myRsvp.status}`}>
                                    <span className="visually-hidden">, {t.meetings.yourStatus(rsvpStateText(t, meeting.myRsvp))}</span>
                                    <span aria-hidden="true">{rsvpStateText(t, meeting.myRsvp)}</span>
                                  </span>
                                ) : null}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
