import type { MeetingSummaryDto } from '@treffpunkt/contracts';
import { useT } from '../../i18n';
import { isFull, rsvpStateText } from './format';

/** Format, "Abgesagt", "Serie", "Ausgebucht". */
export function MeetingBadges({ meeting }: { meeting: MeetingSummaryDto }) {
  const t = useT();
  return (
    <span className="meeting-badges">
      <span className="badge badge--format">{t.meetings.formats[meeting.format]}</span>
      {meeting.status === 'cancelled' ? <span className="badge badge--cancelled">{t.meetings.cancelled}</span> : null}
      {meeting.series ? <span className="badge">{t.meetings.series}</span> : null}
      {meeting.status !== 'cancelled' && isFull(meeting) ? <span className="badge">{t.meetings.full}</span> : null}
    </span>
  );
}

/** The caller's answer, if any ("Ihr Status: Zugesagt"). */
export function MyStatusBadge({ meeting }: { meeting: MeetingSummaryDto }) {
  const t = useT();
  if (!meeting.myRsvp) return null;
  return (
    <span className={`badge rsvp-badge rsvp-state--${meeting.myRsvp.status}`}>
      <span className="visually-hidden">{t.meetings.yourStatus(rsvpStateText(t, meeting.myRsvp))}</span>
      <span aria-hidden="true">{rsvpStateText(t, meeting.myRsvp)}</span>
    </span>
  );
}
