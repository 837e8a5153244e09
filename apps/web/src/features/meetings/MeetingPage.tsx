import {
  RSVP_STATUSES,
  Routes,
  WebPaths,
  type AttendeeDto,
  type MeetingChangeScope,
  type MeetingDto,
  type RsvpState,
  type RsvpStatus,
} from '@treffpunkt/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { LiveMessage } from '../../components/LiveMessage';
import { ConfirmDialog, Modal } from '../../components/Modal';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n, useT } from '../../i18n';
import { AppPaths } from '../../paths';
import { useFocusHeadingWhenReady } from '../forum/ForumBits';
import { noticeFrom } from '../forum/SpacePage';
import { ForbiddenPage, NotFoundPage } from '../sections/StatusPages';
import { formatDayKey, formatWhen, isFull, rsvpStateText } from './format';
import { berlinDayKey } from '../../components/berlinTime';
import { MeetingBadges } from './MeetingBits';
import { fetchBlobWithToken, icsFileName, meetingsApi, saveBlob } from './meetingsApi';
import { meetingEditPath } from './MeetingsPage';
import { meetingKeys } from './queryKeys';
import { useMeetingNotifications } from './useMeetingNotifications';

/** Where the documents area shows a document (its own route; the download works without it). */
export const documentPagePath = (spaceId: string, documentId: string): string =>
  `/dokumente/${encodeURIComponent(spaceId)}/dokument/${encodeURIComponent(documentId)}`;

export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const location = useLocation();
  const [status, setStatus] = useState(() => noticeFrom(location.state));
  const meeting = useQuery({ queryKey: meetingKeys.one(meetingId), queryFn: ({ signal }) => meetingsApi.get(meetingId, signal) });
  usePageTitle(meeting.data?.title ?? t.meetings.title);
  useMeetingNotifications();
  useFocusHeadingWhenReady(meeting.isSuccess);
  const detailsId = useId();

  if (meeting.isError && isApiError(meeting.error) && meeting.error.status === 404) return <NotFoundPage />;
  if (meeting.isError && isApiError(meeting.error) && meeting.error.status === 403) return <ForbiddenPage />;
  if (!meeting.data) {
    return (
      <section className="page">
        <LiveMessage kind="error">{meeting.isError ? errorMessage(meeting.error) : ''}</LiveMessage>
        {meeting.isPending ? <p role="status">{t.common.loading}</p> : null}
      </section>
    );
  }
  const data = meeting.data;
  const cancelled = data.status === 'cancelled';

  return (
    <article className={cancelled ? 'page stack meeting-page meeting-page--cancelled' : 'page stack meeting-page'}>
      <div>
        <p className="breadcrumb">
          <Link to={AppPaths.meetings}>{t.meetings.backToMeetings}</Link>
        </p>
        <div className="page-heading">
          <h1>
            {cancelled ? <span className="visually-hidden">{t.meetings.cancelled}:</span> : null} {data.title}
          </h1>
          <MeetingBadges meeting={data} />
        </div>
      </div>
      <LiveMessage kind="success">{status}</LiveMessage>
      {cancelled ? (
        <p className="message message--error meeting-page__cancelled">
          {data.cancelledAt
            ? t.meetings.cancelledNotice(formatDayKey(berlinDayKey(data.cancelledAt), locale, 'medium'))
            : t.meetings.cancelledNoticeShort}
        </p>
      ) : null}

      <section aria-labelledby={detailsId} className="card">
        <h2 id={detailsId} className="visually-hidden">
          {t.meetings.detailsHeading}
        </h2>
        <dl className="meeting-facts">
          <dt>{t.meetings.when}</dt>
          <dd>
            <time dateTime={data.startsAt}>{formatWhen(data.startsAt, data.endsAt, locale)}</time>
            {data.series ? <span className="muted"> · {t.meetings.seriesPosition(data.series.index, data.series.count)}</span> : null}
          </dd>
          <dt>{t.meetings.format}</dt>
          <dd>{t.meetings.formats[data.format]}</dd>
          {data.location ? (
            <>
              <dt>{t.meetings.where}</dt>
              <dd>{data.location}</dd>
            </>
          ) : null}
          {data.onlineUrl ? (
            <>
              <dt>{t.meetings.onlineLink}</dt>
              <dd>
                <a href={data.onlineUrl} target="_blank" rel="noopener noreferrer">
                  {data.onlineUrl}
                </a>
              </dd>
            </>
          ) : null}
          <dt>{t.meetings.space}</dt>
          <dd>
            {data.spaceId && data.spaceName ? <Link to={WebPaths.space(data.spaceId)}>{data.spaceName}</Link> : t.meetings.networkWide}
          </dd>
          <dt>{t.meetings.capacity}</dt>
          <dd>{data.capacity === null ? t.meetings.unlimited : t.meetings.capacityUsed(data.counts.going, data.capacity)}</dd>
          <dt>{t.meetings.createdBy}</dt>
          <dd>{data.createdBy.displayName}</dd>
        </dl>
        <CalendarDownload meeting={data} onStatus={setStatus} />
      </section>

      {data.permissions.edit || data.permissions.cancel ? <ManageMeeting meeting={data} onStatus={setStatus} /> : null}

      <RsvpPanel meeting={data} />

      {data.descriptionHtml || data.description ? (
        <section aria-labelledby="meeting-description" className="card">
          <h2 id="meeting-description">{t.meetings.descriptionHeading}</h2>
          {data.descriptionHtml ? (
            // Sanitised by the server (same rules as posts).
            <div className="post-body" dangerouslySetInnerHTML={{ __html: data.descriptionHtml }} />
          ) : (
            <p className="pre-wrap">{data.description}</p>
          )}
        </section>
      ) : null}

      {data.agenda.length > 0 ? (
        <section aria-labelledby="meeting-agenda" className="card">
          <h2 id="meeting-agenda">{t.meetings.agendaItemsHeading}</h2>
          <ol className="meeting-agenda">
            {[...data.agenda]
              .sort((a, b) => a.position - b.position)
              .map((item) => (
                <li key={item.position}>{item.title}</li>
              ))}
          </ol>
        </section>
      ) : null}

      <Attendees meeting={data} />
      <MeetingLinks meeting={data} />
    </article>
  );
}

function CalendarDownload({ meeting, onStatus }: { meeting: MeetingDto; onStatus: (text: string) => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <div className="meeting-ics">
      <button
        type="button"
        className="button"
        aria-describedby="meeting-ics-hint"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError('');
          onStatus('');
          fetchBlobWithToken(Routes.meetings.ics(meeting.id))
            .then((blob) => {
              saveBlob(blob, icsFileName(meeting.title));
              onStatus(t.meetings.downloaded);
            })
            .catch((failure: unknown) => {
              setError(errorMessage(failure));
            })
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        {busy ? t.meetings.downloading : t.meetings.addToCalendar}
      </button>
      <p id="meeting-ics-hint" className="field__hint">
        {t.meetings.addToCalendarHint}
      </p>
      <LiveMessage kind="error">{error}</LiveMessage>
    </div>
  );
}

/** Zusage / Vielleicht / Absage as toggle buttons, and the resulting state. */
export function RsvpPanel({ meeting }: { meeting: MeetingDto }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const answer = useMutation({
    mutationFn: (status: RsvpStatus) => meetingsApi.rsvp(meeting.id, status),
    onMutate: () => {
      setMessage('');
      setError('');
    },
    onSuccess: (result) => {
      const myRsvp = { status: result.status, waitlistPosition: result.waitlistPosition };
      queryClient.setQueryData<MeetingDto>(meetingKeys.one(meeting.id), (previous) =>
        previous ? { ...previous, myRsvp, counts: result.counts } : previous,
      );
      setMessage(t.meetings.rsvpSaved(rsvpStateText(t, myRsvp)));
      void queryClient.invalidateQueries({ queryKey: meetingKeys.attendees(meeting.id) });
      void queryClient.invalidateQueries({ queryKey: meetingKeys.lists() });
    },
    onError: (failure) => {
      setError(errorMessage(failure));
      void queryClient.invalidateQueries({ queryKey: meetingKeys.one(meeting.id) });
    },
  });

  const current = meeting.myRsvp?.status;
  const pressed = (status: RsvpStatus): boolean => current === status || (status === 'going' && current === 'waitlisted');

  return (
    <section aria-labelledby={headingId} className="card rsvp">
      <h2 id={headingId}>{t.meetings.rsvpHeading}</h2>
      <p className="rsvp__status">
        <strong>{t.meetings.yourStatus(rsvpStateText(t, meeting.myRsvp))}</strong>
      </p>
      {meeting.permissions.rsvp ? (
        <>
          {isFull(meeting) && current !== 'going' ? <p className="message message--info">{t.meetings.fullHint}</p> : null}
          <div role="group" aria-label={t.meetings.rsvpGroup} className="segmented rsvp__buttons">
            {RSVP_STATUSES.map((status) => (
              <button
                key={status}
                type="button"
                className={`button rsvp__button rsvp__button--${status}`}
                aria-pressed={pressed(status)}
                disabled={answer.isPending}
                onClick={() => {
                  answer.mutate(status);
                }}
              >
                {t.meetings.rsvp[status]}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p className="muted">{t.meetings.rsvpClosed}</p>
      )}
      <LiveMessage kind="success">{answer.isPending ? t.meetings.rsvpSaving : message}</LiveMessage>
      <LiveMessage kind="error">{error}</LiveMessage>
    </section>
  );
}

const GROUP_ORDER: RsvpState[] = ['going', 'waitlisted', 'maybe', 'declined'];

function Attendees({ meeting }: { meeting: MeetingDto }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const attendees = useQuery({
    queryKey: meetingKeys.attendees(meeting.id),
    queryFn: ({ signal }) => meetingsApi.attendees(meeting.id, signal),
  });
  const counts = attendees.data?.counts ?? meeting.counts;
  const groups = new Map<RsvpState, AttendeeDto[]>(GROUP_ORDER.map((state) => [state, []]));
  for (const attendee of attendees.data?.items ?? []) groups.get(attendee.status)?.push(attendee);
  groups.get('waitlisted')?.sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));

  if (attendees.isError && isApiError(attendees.error) && attendees.error.status === 403) return null;

  return (
    <section aria-labelledby={headingId} className="card attendees">
      <h2 id={headingId}>{t.meetings.attendeesHeading}</h2>
      <p>{t.meetings.attendeeCounts(counts.going, counts.maybe, counts.declined, counts.waitlisted)}</p>
      <LiveMessage kind="error">{attendees.isError ? errorMessage(attendees.error) : ''}</LiveMessage>
      {attendees.isPending ? (
        <p role="status">{t.common.loading}</p>
      ) : (attendees.data?.items.length ?? 0) === 0 ? (
        <p>{t.meetings.noAttendees}</p>
      ) : (
        <div className="attendees__groups">
          {GROUP_ORDER.map((state) => {
            const list = groups.get(state) ?? [];
            if (list.length === 0 && state !== 'going') return null;
            const Tag = state === 'waitlisted' ? 'ol' : 'ul';
            return (
              <section key={state} aria-labelledby={`attendees-${state}`} className="attendees__group">
                <h3 id={`attendees-${state}`}>{t.meetings.groupCount(t.meetings.attendeeGroups[state], list.length)}</h3>
                {list.length === 0 ? (
                  <p className="muted">{t.meetings.nobody}</p>
                ) : (
                  <Tag className="attendees__list">
                    {list.map((attendee) => (
                      <li key={attendee.user.id}>
                        {state === 'waitlisted' && attendee.waitlistPosition ? (
                          <span className="muted">{t.meetings.waitlistPlace(attendee.waitlistPosition)}: </span>
                        ) : null}
                        {attendee.user.displayName}
                        {attendee.user.organisation ? <span className="muted"> · {attendee.user.organisation.name}</span> : null}
                      </li>
                    ))}
                  </Tag>
                )}
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

function MeetingLinks({ meeting }: { meeting: MeetingDto }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const [error, setError] = useState('');
  const minutesId = meeting.minutesDocumentId;
  const minutes = useQuery({
    queryKey: meetingKeys.document(minutesId ?? ''),
    queryFn: ({ signal }) => meetingsApi.document(minutesId ?? '', signal),
    enabled: Boolean(minutesId),
  });

  return (
    <section aria-labelledby={headingId} className="card meeting-links">
      <h2 id={headingId}>{t.meetings.linksHeading}</h2>
      <ul className="link-list">
        <li>
          {!minutesId ? (
            <span className="muted">{t.meetings.noMinutes}</span>
          ) : minutes.isPending ? (
            <span role="status">{t.common.loading}</span>
          ) : minutes.data ? (
            <>
              <Link to={documentPagePath(minutes.data.spaceId, minutes.data.id)}>{t.meetings.minutesLink(minutes.data.name)}</Link>{' '}
              <button
                type="button"
                className="button button--link"
                onClick={() => {
                  const document = minutes.data;
                  if (!document) return;
                  setError('');
                  fetchBlobWithToken(Routes.documents.download(document.id))
                    .then((blob) => {
                      saveBlob(blob, document.name);
                    })
                    .catch((failure: unknown) => {
                      setError(errorMessage(failure));
                    });
                }}
              >
                {t.meetings.minutesDownload}
              </button>
            </>
          ) : (
            <span className="muted">{t.meetings.minutesUnavailable}</span>
          )}
        </li>
        <li>
          {meeting.discussionThreadId ? (
            <Link to={WebPaths.thread(meeting.discussionThreadId)}>{t.meetings.discussion}</Link>
          ) : (
            <span className="muted">{t.meetings.noDiscussion}</span>
          )}
        </li>
      </ul>
      <LiveMessage kind="error">{error}</LiveMessage>
    </section>
  );
}

/** "Bearbeiten" and "Termin absagen" (with the series choice and a confirmation). */
function ManageMeeting({ meeting, onStatus }: { meeting: MeetingDto; onStatus: (text: string) => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const cancelled = meeting.status === 'cancelled';

  const cancel = useMutation({
    mutationFn: (scope: MeetingChangeScope) => meetingsApi.cancel(meeting.id, { scope }),
    onSuccess: (result, scope) => {
      setConfirming(false);
      queryClient.setQueryData(meetingKeys.one(meeting.id), result);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: meetingKeys.attendees(meeting.id) });
      onStatus(scope === 'series' ? t.meetings.seriesCancelledDone : t.meetings.cancelledDone);
    },
    onError: (failure) => {
      setConfirming(false);
      setError(errorMessage(failure));
    },
  });

  if (cancelled) return null;

  return (
    <section aria-labelledby={headingId} className="meeting-manage">
      <h2 id={headingId} className="visually-hidden">
        {t.meetings.actions}
      </h2>
      <div className="form__actions">
        {meeting.permissions.edit ? (
          <Link to={meetingEditPath(meeting.id)} className="button">
            {t.meetings.edit}
          </Link>
        ) : null}
        {meeting.permissions.cancel ? (
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              setError('');
              setConfirming(true);
            }}
          >
            {t.meetings.cancelMeeting}
          </button>
        ) : null}
      </div>
      <LiveMessage kind="error">{error}</LiveMessage>
      {confirming && !meeting.series ? (
        <ConfirmDialog
          title={t.meetings.confirmCancelTitle}
          text={t.meetings.confirmCancelText}
          confirmLabel={t.meetings.cancelMeeting}
          cancelLabel={t.meetings.keepMeeting}
          busy={cancel.isPending}
          onConfirm={() => {
            cancel.mutate('occurrence');
          }}
          onCancel={() => {
            setConfirming(false);
          }}
        />
      ) : null}
      {confirming && meeting.series ? (
        <ScopeDialog
          title={t.meetings.scopeCancelTitle}
          text={t.meetings.scopeCancelText}
          occurrenceLabel={t.meetings.scopeOccurrence}
          seriesLabel={t.meetings.scopeSeriesCancel}
          cancelLabel={t.meetings.keepMeeting}
          destructive
          busy={cancel.isPending}
          onChoose={(scope) => {
            cancel.mutate(scope);
          }}
          onCancel={() => {
            setConfirming(false);
          }}
        />
      ) : null}
    </section>
  );
}

/** "Nur diesen Termin" vs "Alle Termine der Serie" (Escape or the last button cancels). */
export function ScopeDialog({
  title,
  text,
  occurrenceLabel,
  seriesLabel,
  cancelLabel,
  onChoose,
  onCancel,
  busy = false,
  destructive = false,
}: {
  title: string;
  text: string;
  occurrenceLabel: string;
  seriesLabel: string;
  cancelLabel: string;
  onChoose: (scope: MeetingChangeScope) => void;
  onCancel: () => void;
  busy?: boolean;
  destructive?: boolean;
}) {
  const textId = useId();
  const kind = destructive ? 'button button--danger' : 'button button--primary';
  return (
    <Modal title={title} onClose={onCancel} describedBy={textId} initialFocus="[data-autofocus]">
      <p id={textId}>{text}</p>
      <div className="form__actions">
        <button
          type="button"
          className={kind}
          disabled={busy}
          data-autofocus={destructive ? undefined : true}
          onClick={() => {
            onChoose('occurrence');
          }}
        >
          {occurrenceLabel}
        </button>
        <button
          type="button"
          className={kind}
          disabled={busy}
          onClick={() => {
            onChoose('series');
          }}
        >
          {seriesLabel}
        </button>
        <button type="button" className="button" onClick={onCancel} data-autofocus={destructive ? true : undefined}>
          {cancelLabel}
        </button>
      </div>
    </Modal>
  );
}
