import {
  MEETING_CAPACITY_MAX,
  MEETING_DESCRIPTION_MAX,
  MEETING_FORMATS,
  MEETING_LOCATION_MAX,
  MEETING_TITLE_MAX,
  SERIES_FREQUENCIES,
  WebPaths,
  type CreateMeetingRequest,
  type MeetingChangeScope,
  type MeetingDto,
  type MeetingFormat,
  type MonthlyRule,
  type SeriesFrequency,
  type UpdateMeetingRequest,
} from '@treffpunkt/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { countErrors, focusFirstInvalid, type FieldErrors } from '../../components/validation';
import { useI18n, useT, type Messages } from '../../i18n';
import { AppPaths } from '../../paths';
import { useCurrentUser } from '../auth/SessionProvider';
import { useFocusHeadingWhenReady } from '../forum/ForumBits';
import type { NoticeState } from '../forum/SpacePage';
import { ForbiddenPage, NotFoundPage } from '../sections/StatusPages';
import { AgendaEditor, type AgendaRow } from './AgendaEditor';
import { berlinToUtc, parseDayKey, utcToBerlinInputs, weekdayIndex } from '../../components/berlinTime';
import { formatDayKey, weekdayNames } from './format';
import { meetingsApi } from './meetingsApi';
import { creatableSpaces, useMeetingSpaces } from './MeetingsPage';
import { ScopeDialog } from './MeetingPage';
import { meetingKeys } from './queryKeys';

/** Value of the space select for a network-wide meeting. */
const NETWORK = '';

type FormField =
  | 'title'
  | 'spaceId'
  | 'startDate'
  | 'startTime'
  | 'endDate'
  | 'endTime'
  | 'location'
  | 'onlineUrl'
  | 'capacity'
  | 'description'
  | 'minutes'
  | 'until';

export interface MeetingFormValues {
  title: string;
  format: MeetingFormat;
  spaceId: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  location: string;
  onlineUrl: string;
  capacity: string;
  description: string;
  minutes: string;
  agenda: AgendaRow[];
  frequency: SeriesFrequency | '';
  monthlyRule: MonthlyRule;
  until: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A pasted document link (…/dokument/<id>, …/documents/<id>/download) or a bare id → the id. */
export function documentIdFrom(text: string): string | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const ids = trimmed.match(UUID);
  return ids?.at(-1)?.toLowerCase() ?? undefined;
}

function valuesFrom(meeting: MeetingDto | undefined, defaultSpace: string): MeetingFormValues {
  if (!meeting) {
    return {
      title: '',
      format: 'network_meeting',
      spaceId: defaultSpace,
      startDate: '',
      startTime: '',
      endDate: '',
      endTime: '',
      location: '',
      onlineUrl: '',
      capacity: '',
      description: '',
      minutes: '',
      agenda: [],
      frequency: '',
      monthlyRule: 'day_of_month',
      until: '',
    };
  }
  const start = utcToBerlinInputs(meeting.startsAt);
  const end = utcToBerlinInputs(meeting.endsAt);
  return {
    title: meeting.title,
    format: meeting.format,
    spaceId: meeting.spaceId ?? NETWORK,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    location: meeting.location ?? '',
    onlineUrl: meeting.onlineUrl ?? '',
    capacity: meeting.capacity === null ? '' : String(meeting.capacity),
    description: meeting.description,
    minutes: meeting.minutesDocumentId ?? '',
    agenda: [...meeting.agenda].sort((a, b) => a.position - b.position).map((item, index) => ({ key: index + 1, title: item.title })),
    frequency: meeting.series?.frequency ?? '',
    monthlyRule: meeting.series?.monthlyRule ?? 'day_of_month',
    until: meeting.series?.until ?? '',
  };
}

interface Checked {
  errors: FieldErrors<FormField>;
  startsAt?: string;
  endsAt?: string;
  ambiguous: boolean;
}

/** Field checks, including the Berlin → UTC conversion of start and end. */
export function checkMeetingForm(t: Messages, values: MeetingFormValues, mode: 'create' | 'edit'): Checked {
  const errors: FieldErrors<FormField> = {};
  if (!values.title.trim()) errors.title = t.validation.required;
  else if (values.title.trim().length > MEETING_TITLE_MAX) errors.title = t.meetings.tooLong(MEETING_TITLE_MAX);

  const convert = (date: string, time: string, dateField: 'startDate' | 'endDate', timeField: 'startTime' | 'endTime') => {
    if (!date) errors[dateField] = t.validation.required;
    else if (!parseDayKey(date)) errors[dateField] = t.meetings.invalidDate;
    if (!time) errors[timeField] = t.validation.required;
    else if (!/^\d{2}:\d{2}$/.test(time)) errors[timeField] = t.meetings.invalidTime;
    if (errors[dateField] || errors[timeField]) return undefined;
    const result = berlinToUtc(date, time);
    if (!result.ok) {
      errors[timeField] = result.reason === 'nonexistent' ? t.meetings.nonexistentTime : t.meetings.invalidTime;
      return undefined;
    }
    return result;
  };
  const start = convert(values.startDate, values.startTime, 'startDate', 'startTime');
  const end = convert(values.endDate, values.endTime, 'endDate', 'endTime');
  if (start && end && end.instant.getTime() <= start.instant.getTime()) errors.endTime = t.meetings.endBeforeStart;

  if (values.location.trim().length > MEETING_LOCATION_MAX) errors.location = t.meetings.tooLong(MEETING_LOCATION_MAX);
  const url = values.onlineUrl.trim();
  if (url && !/^https?:\/\/[^\s/]+\.[^\s]*$/i.test(url)) errors.onlineUrl = t.meetings.invalidUrl;
  const capacity = values.capacity.trim();
  if (capacity) {
    const number = Number(capacity);
    if (!Number.isInteger(number) || number < 1 || number > MEETING_CAPACITY_MAX)
      errors.capacity = t.meetings.capacityInvalid(MEETING_CAPACITY_MAX);
  }
  if (values.description.length > MEETING_DESCRIPTION_MAX) errors.description = t.meetings.tooLong(MEETING_DESCRIPTION_MAX);
  if (mode === 'edit' && documentIdFrom(values.minutes) === undefined) errors.minutes = t.meetings.minutesInvalid;
  if (mode === 'create' && values.frequency) {
    if (!values.until) errors.until = t.validation.required;
    else if (!parseDayKey(values.until)) errors.until = t.meetings.invalidDate;
    else if (values.startDate && values.until < values.startDate) errors.until = t.meetings.untilBeforeStart;
  }
  return {
    errors,
    ...(start ? { startsAt: start.instant.toISOString() } : {}),
    ...(end ? { endsAt: end.instant.toISOString() } : {}),
    ambiguous: Boolean(start?.ambiguous || end?.ambiguous),
  };
}

const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);
const agendaTitles = (rows: AgendaRow[]): string[] => rows.map((row) => row.title.trim()).filter(Boolean);

/** Only what changed, so an unchanged time never "moves" a series or notifies anyone. */
export function changedFields(meeting: MeetingDto, values: MeetingFormValues, startsAt: string, endsAt: string): UpdateMeetingRequest {
  const body: UpdateMeetingRequest = {};
  if (values.title.trim() !== meeting.title) body.title = values.title.trim();
  if (values.format !== meeting.format) body.format = values.format;
  if (new Date(startsAt).getTime() !== new Date(meeting.startsAt).getTime()) body.startsAt = startsAt;
  if (new Date(endsAt).getTime() !== new Date(meeting.endsAt).getTime()) body.endsAt = endsAt;
  if (orNull(values.location) !== meeting.location) body.location = orNull(values.location);
  if (orNull(values.onlineUrl) !== meeting.onlineUrl) body.onlineUrl = orNull(values.onlineUrl);
  const capacity = values.capacity.trim() ? Number(values.capacity) : null;
  if (capacity !== meeting.capacity) body.capacity = capacity;
  if (values.description !== meeting.description) body.description = values.description;
  const agenda = agendaTitles(values.agenda);
  const before = [...meeting.agenda].sort((a, b) => a.position - b.position).map((item) => item.title);
  if (JSON.stringify(agenda) !== JSON.stringify(before)) body.agenda = agenda;
  const minutes = documentIdFrom(values.minutes) ?? null;
  if (minutes !== meeting.minutesDocumentId) body.minutesDocumentId = minutes;
  return body;
}

export function MeetingCreatePage() {
  const t = useT();
  const user = useCurrentUser();
  const spaces = useMeetingSpaces();
  const [params] = useSearchParams();
  usePageTitle(t.meetings.createHeading);
  useFocusHeadingWhenReady(spaces.isSuccess);
  if (spaces.isPending)
    return (
      <p role="status" className="page">
        {t.common.loading}
      </p>
    );
  const allowed = creatableSpaces(user.role, spaces.data ?? []);
  if (!allowed.network && allowed.spaces.length === 0) return <ForbiddenPage />;
  const wanted = params.get('bereich') ?? '';
  const defaultSpace = allowed.spaces.some((space) => space.id === wanted)
    ? wanted
    : allowed.network
      ? NETWORK
      : (allowed.spaces[0]?.id ?? NETWORK);
  return (
    <section className="page stack meeting-form-page">
      <div>
        <p className="breadcrumb">
          <Link to={AppPaths.meetings}>{t.meetings.backToMeetings}</Link>
        </p>
        <h1>{t.meetings.createHeading}</h1>
      </div>
      <MeetingForm mode="create" defaultSpace={defaultSpace} spaceOptions={allowed} />
    </section>
  );
}

export function MeetingEditPage() {
  const { meetingId = '' } = useParams();
  const t = useT();
  const errorMessage = useErrorMessage();
  const meeting = useQuery({ queryKey: meetingKeys.one(meetingId), queryFn: ({ signal }) => meetingsApi.get(meetingId, signal) });
  usePageTitle(meeting.data ? t.meetings.editHeading(meeting.data.title) : t.meetings.edit);
  useFocusHeadingWhenReady(meeting.isSuccess);
  if (meeting.isError && isApiError(meeting.error) && meeting.error.status === 404) return <NotFoundPage />;
  if ((meeting.isError && isApiError(meeting.error) && meeting.error.status === 403) || (meeting.data && !meeting.data.permissions.edit)) {
    return <ForbiddenPage />;
  }
  if (!meeting.data) {
    return (
      <section className="page">
        <LiveMessage kind="error">{meeting.isError ? errorMessage(meeting.error) : ''}</LiveMessage>
        {meeting.isPending ? <p role="status">{t.common.loading}</p> : null}
      </section>
    );
  }
  return (
    <section className="page stack meeting-form-page">
      <div>
        <p className="breadcrumb">
          <Link to={WebPaths.meeting(meeting.data.id)}>{meeting.data.title}</Link>
        </p>
        <h1>{t.meetings.editHeading(meeting.data.title)}</h1>
      </div>
      <MeetingForm key={meeting.data.id} mode="edit" meeting={meeting.data} defaultSpace={meeting.data.spaceId ?? NETWORK} />
    </section>
  );
}

function MeetingForm({
  mode,
  meeting,
  defaultSpace,
  spaceOptions,
}: {
  mode: 'create' | 'edit';
  meeting?: MeetingDto;
  defaultSpace: string;
  spaceOptions?: ReturnType<typeof creatableSpaces>;
}) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const idempotencyKey = useRef(crypto.randomUUID());
  const [values, setValues] = useState<MeetingFormValues>(() => valuesFrom(meeting, defaultSpace));
  const [errors, setErrors] = useState<FieldErrors<FormField>>({});
  const [formError, setFormError] = useState('');
  const [pending, setPending] = useState<{ body: UpdateMeetingRequest } | null>(null);
  const ids = { start: useId(), end: useId(), series: useId(), rule: useId() };

  const set = <K extends keyof MeetingFormValues>(key: K, value: MeetingFormValues[K]) => {
    setValues((previous) => {
      const next = { ...previous, [key]: value };
      // Help with the end: same day as the start, one hour later, until the person sets it.
      if (key === 'startDate' && typeof value === 'string' && (!previous.endDate || previous.endDate === previous.startDate))
        next.endDate = value;
      if (key === 'startTime' && typeof value === 'string' && /^\d{2}:\d{2}$/.test(value) && !previous.endTime) {
        const [hours = 0, minutes = 0] = value.split(':').map(Number);
        if (hours < 23) next.endTime = `${String(hours + 1).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
      }
      return next;
    });
  };

  const done = (result: MeetingDto, notice: string) => {
    queryClient.setQueryData(meetingKeys.one(result.id), result);
    void queryClient.invalidateQueries({ queryKey: meetingKeys.lists() });
    void navigate(WebPaths.meeting(result.id), { state: { notice } satisfies NoticeState });
  };
  const fail = (error: unknown) => {
    setPending(null);
    // A retry after an unknown outcome reuses the key; anything else gets a new one.
    if (!(isApiError(error) && (error.status === 0 || error.status >= 500))) idempotencyKey.current = crypto.randomUUID();
    setFormError(errorMessage(error));
    if (isApiError(error) && error.code === 'MINUTES_DOCUMENT_INVALID') setErrors({ minutes: t.errors.MINUTES_DOCUMENT_INVALID });
  };

  const create = useMutation({
    mutationFn: (body: CreateMeetingRequest) => meetingsApi.create(body, idempotencyKey.current),
    onSuccess: (result) => {
      done(result, result.series ? t.meetings.seriesCreated : t.meetings.created);
    },
    onError: fail,
  });
  const update = useMutation({
    mutationFn: ({ body, scope }: { body: UpdateMeetingRequest; scope: MeetingChangeScope }) =>
      meetingsApi.update(meeting?.id ?? '', { ...body, scope }),
    onSuccess: (result) => {
      setPending(null);
      done(result, t.meetings.updated);
    },
    onError: fail,
  });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkMeetingForm(t, values, mode);
    setErrors(checked.errors);
    if (countErrors(checked.errors) > 0 || !checked.startsAt || !checked.endsAt) {
      setFormError(t.validation.summary(countErrors(checked.errors)));
      requestAnimationFrame(() => {
        focusFirstInvalid(formRef.current);
      });
      return;
    }
    setFormError('');
    if (mode === 'create') {
      const agenda = agendaTitles(values.agenda);
      const capacity = values.capacity.trim() ? Number(values.capacity) : null;
      create.mutate({
        title: values.title.trim(),
        format: values.format,
        spaceId: values.spaceId || null,
        startsAt: checked.startsAt,
        endsAt: checked.endsAt,
        ...(orNull(values.location) ? { location: orNull(values.location) } : {}),
        ...(orNull(values.onlineUrl) ? { onlineUrl: orNull(values.onlineUrl) } : {}),
        ...(capacity !== null ? { capacity } : {}),
        ...(values.description.trim() ? { description: values.description } : {}),
        ...(agenda.length > 0 ? { agenda } : {}),
        ...(values.frequency
          ? {
              series: {
                frequency: values.frequency,
                ...(values.frequency === 'monthly' ? { monthlyRule: values.monthlyRule } : {}),
                until: values.until,
              },
            }
          : {}),
      });
      return;
    }
    if (!meeting) return;
    const body = changedFields(meeting, values, checked.startsAt, checked.endsAt);
    if (Object.keys(body).length === 0) {
      void navigate(WebPaths.meeting(meeting.id));
      return;
    }
    if (meeting.series) setPending({ body });
    else update.mutate({ body, scope: 'occurrence' });
  }

  const busy = create.isPending || update.isPending;
  const startDay = parseDayKey(values.startDate);
  const weekday = values.startDate ? (weekdayNames(locale)[weekdayIndex(values.startDate)]?.long ?? '') : '';
  const nth = startDay ? Math.min(Math.ceil(startDay.day / 7), 5) : 1;
  const checkedNow = values.startDate && values.startTime ? berlinToUtc(values.startDate, values.startTime) : null;
  const endNow = values.endDate && values.endTime ? berlinToUtc(values.endDate, values.endTime) : null;
  const ambiguous = (checkedNow?.ok && checkedNow.ambiguous) || (endNow?.ok && endNow.ambiguous);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form meeting-form">
      <LiveMessage kind="error">{formError}</LiveMessage>
      <TextField
        label={t.meetings.titleField}
        name="title"
        required
        maxLength={MEETING_TITLE_MAX}
        value={values.title}
        error={errors.title}
        onChange={(event) => {
          set('title', event.target.value);
        }}
      />
      <SelectField
        label={t.meetings.formatField}
        name="format"
        value={values.format}
        onChange={(event) => {
          const format = MEETING_FORMATS.find((candidate) => candidate === event.target.value);
          if (format) set('format', format);
        }}
      >
        {MEETING_FORMATS.map((format) => (
          <option key={format} value={format}>
            {t.meetings.formats[format]}
          </option>
        ))}
      </SelectField>
      {mode === 'create' && spaceOptions ? (
        <SelectField
          label={t.meetings.spaceField}
          hint={t.meetings.spaceHint}
          name="spaceId"
          value={values.spaceId}
          error={errors.spaceId}
          onChange={(event) => {
            set('spaceId', event.target.value);
          }}
        >
          {spaceOptions.network ? <option value={NETWORK}>{t.meetings.spaceNetwork}</option> : null}
          {spaceOptions.spaces.map((space) => (
            <option key={space.id} value={space.id}>
              {space.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <p>
          <strong>{t.meetings.spaceField}:</strong> {meeting?.spaceName ?? t.meetings.networkWide}{' '}
          <span className="muted">({t.meetings.spaceFixed})</span>
        </p>
      )}

      <fieldset className="fieldset fieldset--inline" aria-describedby={`${ids.start}-hint`}>
        <legend>{t.meetings.startHeading}</legend>
        <p id={`${ids.start}-hint`} className="field__hint">
          {t.meetings.timeHint}
        </p>
        <TextField
          label={t.meetings.date}
          id={`${ids.start}-date`}
          name="startDate"
          type="date"
          required
          value={values.startDate}
          error={errors.startDate}
          onChange={(event) => {
            set('startDate', event.target.value);
          }}
        />
        <TextField
          label={t.meetings.time}
          id={`${ids.start}-time`}
          name="startTime"
          type="time"
          required
          value={values.startTime}
          error={errors.startTime}
          onChange={(event) => {
            set('startTime', event.target.value);
          }}
        />
      </fieldset>
      <fieldset className="fieldset fieldset--inline" aria-describedby={`${ids.end}-hint`}>
        <legend>{t.meetings.endHeading}</legend>
        <p id={`${ids.end}-hint`} className="field__hint">
          {t.meetings.timeHint}
        </p>
        <TextField
          label={t.meetings.date}
          id={`${ids.end}-date`}
          name="endDate"
          type="date"
          required
          value={values.endDate}
          error={errors.endDate}
          onChange={(event) => {
            set('endDate', event.target.value);
          }}
        />
        <TextField
          label={t.meetings.time}
          id={`${ids.end}-time`}
          name="endTime"
          type="time"
          required
          value={values.endTime}
          error={errors.endTime}
          onChange={(event) => {
            set('endTime', event.target.value);
          }}
        />
      </fieldset>
      {ambiguous ? <p className="message message--info">{t.meetings.ambiguousTime}</p> : null}

      <TextField
        label={t.meetings.location}
        hint={t.meetings.locationHint}
        name="location"
        maxLength={MEETING_LOCATION_MAX}
        value={values.location}
        error={errors.location}
        onChange={(event) => {
          set('location', event.target.value);
        }}
      />
      <TextField
        label={t.meetings.onlineUrl}
        hint={t.meetings.onlineUrlHint}
        name="onlineUrl"
        type="url"
        inputMode="url"
        value={values.onlineUrl}
        error={errors.onlineUrl}
        onChange={(event) => {
          set('onlineUrl', event.target.value);
        }}
      />
      <TextField
        label={t.meetings.capacityField}
        hint={t.meetings.capacityHint}
        name="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={MEETING_CAPACITY_MAX}
        value={values.capacity}
        error={errors.capacity}
        onChange={(event) => {
          set('capacity', event.target.value);
        }}
      />
      <TextAreaField
        label={t.meetings.description}
        hint={t.meetings.descriptionHint}
        name="description"
        rows={6}
        value={values.description}
        error={errors.description}
        onChange={(event) => {
          set('description', event.target.value);
        }}
      />
      <AgendaEditor
        rows={values.agenda}
        onChange={(rows) => {
          set('agenda', rows);
        }}
      />
      {mode === 'edit' && meeting?.spaceId ? (
        <TextField
          label={t.meetings.minutesField}
          hint={t.meetings.minutesHint}
          name="minutes"
          value={values.minutes}
          error={errors.minutes}
          onChange={(event) => {
            set('minutes', event.target.value);
          }}
        />
      ) : null}

      {mode === 'create' ? (
        <fieldset className="fieldset">
          <legend>{t.meetings.seriesLegend}</legend>
          <SelectField
            label={t.meetings.repeat}
            id={`${ids.series}-frequency`}
            name="frequency"
            value={values.frequency}
            onChange={(event) => {
              const frequency = SERIES_FREQUENCIES.find((candidate) => candidate === event.target.value);
              set('frequency', frequency ?? '');
            }}
          >
            <option value="">{t.meetings.noRepeat}</option>
            {SERIES_FREQUENCIES.map((frequency) => (
              <option key={frequency} value={frequency}>
                {t.meetings.frequencies[frequency]}
              </option>
            ))}
          </SelectField>
          {values.frequency === 'monthly' ? (
            <fieldset className="fieldset fieldset--nested">
              <legend>{t.meetings.monthlyRuleLegend}</legend>
              <div className="field field--radio">
                <label>
                  <input
                    type="radio"
                    name="monthlyRule"
                    value="day_of_month"
                    checked={values.monthlyRule === 'day_of_month'}
                    aria-describedby={`${ids.rule}-hint`}
                    onChange={() => {
                      set('monthlyRule', 'day_of_month');
                    }}
                  />{' '}
                  {t.meetings.dayOfMonth(startDay?.day ?? 1)}
                </label>
                <p id={`${ids.rule}-hint`} className="field__hint">
                  {t.meetings.dayOfMonthHint}
                </p>
              </div>
              <div className="field field--radio">
                <label>
                  <input
                    type="radio"
                    name="monthlyRule"
                    value="nth_weekday"
                    checked={values.monthlyRule === 'nth_weekday'}
                    onChange={() => {
                      set('monthlyRule', 'nth_weekday');
                    }}
                  />{' '}
                  {t.meetings.nthWeekday(t.meetings.ordinals[nth - 1] ?? '', weekday)}
                </label>
              </div>
            </fieldset>
          ) : null}
          {values.frequency ? (
            <TextField
              label={t.meetings.until}
              id={`${ids.series}-until`}
              name="until"
              type="date"
              required
              min={values.startDate || undefined}
              value={values.until}
              error={errors.until}
              onChange={(event) => {
                set('until', event.target.value);
              }}
            />
          ) : null}
        </fieldset>
      ) : meeting?.series ? (
        <p className="message message--info">
          {t.meetings.seriesInfo(t.meetings.seriesRule[meeting.series.frequency], formatDayKey(meeting.series.until, locale, 'medium'))}{' '}
          {t.meetings.seriesPosition(meeting.series.index, meeting.series.count)}
        </p>
      ) : null}

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.meetings.saving : mode === 'create' ? t.meetings.submitCreate : t.meetings.submitEdit}
        </button>
        <Link to={meeting ? WebPaths.meeting(meeting.id) : AppPaths.meetings} className="button">
          {t.meetings.cancel}
        </Link>
      </div>

      {pending ? (
        <ScopeDialog
          title={t.meetings.scopeEditTitle}
          text={t.meetings.scopeEditText}
          occurrenceLabel={t.meetings.scopeOccurrence}
          seriesLabel={t.meetings.scopeSeries}
          cancelLabel={t.meetings.cancel}
          busy={update.isPending}
          onChoose={(scope) => {
            update.mutate({ body: pending.body, scope });
          }}
          onCancel={() => {
            setPending(null);
          }}
        />
      ) : null}
    </form>
  );
}
