import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState, type SubmitEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { SelectField, TextField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, useI18n } from '../../i18n';
import { adminApi, adminKeys, type AuditFilter } from './adminApi';

/** Object types the application writes (the field also takes any other). */
const ENTITY_TYPES = [
  'user',
  'invitation',
  'organisation',
  'space',
  'thread',
  'post',
  'folder',
  'document',
  'meeting',
  'consultation',
  'calendar_feed',
] as const;

const FILTER_KEYS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const satisfies ReadonlyArray<keyof AuditFilter>;

function filterFrom(params: URLSearchParams): AuditFilter {
  return {
    actor: params.get('actor') ?? '',
    action: params.get('action') ?? '',
    entityType: params.get('entityType') ?? '',
    entityId: params.get('entityId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

function paramsFrom(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filter[key].trim()) params.set(key, filter[key].trim());
  return params;
}

/** "Protokoll": the audit log, newest first, with filters in the URL, "load more" and a CSV export of the same filters. */
export function AuditLogPage() {
  const { t, locale } = useI18n();
  const a = t.adminArea.audit;
  const errorMessage = useErrorMessage();
  usePageTitle(a.title);
  const headingId = useId();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const [draft, setDraft] = useState(filter);
  const [exportError, setExportError] = useState('');

  const entries = useInfiniteQuery({
    queryKey: adminKeys.audit(filter),
    queryFn: ({ pageParam, signal }) => adminApi.auditLog(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const rows = entries.data?.pages.flatMap((page) => page.items) ?? [];

  const exportCsv = useMutation({
    mutationFn: () => adminApi.downloadAuditCsv(filter),
    onMutate: () => {
      setExportError('');
    },
    onError: (failure) => {
      setExportError(errorMessage(failure));
    },
  });

  function apply(next: AuditFilter) {
    setDraft(next);
    setParams(paramsFrom(next));
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    apply(draft);
  }

  return (
    <div className="stack">
      <h2 id={headingId}>{a.title}</h2>
      <p className="muted">{a.intro}</p>
      <form className="admin-filters card" onSubmit={onSubmit} aria-label={t.adminArea.filters} role="search">
        <ActorPicker
          actorId={draft.actor}
          onChange={(actor) => {
            setDraft({ ...draft, actor });
          }}
        />
        <TextField
          label={a.action}
          hint={a.actionHint}
          name="action"
          value={draft.action}
          onChange={(event) => {
            setDraft({ ...draft, action: event.target.value });
          }}
        />
        <SelectField
          label={a.entityType}
          name="entityType"
          value={draft.entityType}
          onChange={(event) => {
            setDraft({ ...draft, entityType: event.target.value });
          }}
        >
          <option value="">{t.adminArea.any}</option>
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </SelectField>
        <TextField
          label={a.entityId}
          name="entityId"
          value={draft.entityId}
          onChange={(event) => {
            setDraft({ ...draft, entityId: event.target.value });
          }}
        />
        <TextField
          label={a.from}
          type="date"
          name="from"
          value={draft.from}
          onChange={(event) => {
            setDraft({ ...draft, from: event.target.value });
          }}
        />
        <TextField
          label={a.to}
          type="date"
          name="to"
          value={draft.to}
          onChange={(event) => {
            setDraft({ ...draft, to: event.target.value });
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t.adminArea.applyFilters}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              apply({ actor: '', action: '', entityType: '', entityId: '', from: '', to: '' });
            }}
          >
            {t.adminArea.resetFilters}
          </button>
        </div>
      </form>
      <div className="admin-toolbar">
        <p role="status" className="muted">
          {entries.isPending ? t.common.loading : a.count(rows.length)}
        </p>
        <button type="button" className="button" disabled={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
          {exportCsv.isPending ? a.exporting : a.export}
        </button>
      </div>
      <LiveMessage kind="error">{exportError || (entries.isError ? errorMessage(entries.error) : '')}</LiveMessage>
      {entries.isSuccess && rows.length === 0 ? (
        <p>{a.empty}</p>
      ) : rows.length > 0 ? (
        <div className="table-scroll">
          <table className="table audit-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{a.colTime}</th>
                <th scope="col">{a.colActor}</th>
                <th scope="col">{a.colAction}</th>
                <th scope="col">{a.colEntity}</th>
                <th scope="col">{a.colIp}</th>
                <th scope="col">{a.colDetails}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.createdAt, locale)}</td>
                  <td>
                    {entry.actor ? (
                      <button
                        type="button"
                        className="button--link"
                        title={a.filterByActor(entry.actor.displayName)}
                        onClick={() => {
                          apply({ ...filter, actor: entry.actor?.id ?? '' });
                        }}
                      >
                        {entry.actor.displayName}
                      </button>
                    ) : entry.actorId ? (
                      a.unknownActor
                    ) : (
                      a.system
                    )}
                  </td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.entityType ? `${entry.entityType}${entry.entityId ? ` ${entry.entityId}` : ''}` : '—'}</td>
                  <td>{entry.ip ?? '—'}</td>
                  <td>
                    {Object.keys(entry.details).length > 0 ? <code className="audit-details">{JSON.stringify(entry.details)}</code> : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {entries.hasNextPage ? (
        <p>
          <button type="button" className="button" disabled={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
            {entries.isFetchingNextPage ? t.common.loading : t.adminArea.loadMore}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** Find a person by name and filter by their id; a chosen person shows as a removable chip. */
function ActorPicker({ actorId, onChange }: { actorId: string; onChange: (actorId: string) => void }) {
  const { t } = useI18n();
  const a = t.adminArea.audit;
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim());
  const resultsId = useId();
  const chosen = useQuery({
    queryKey: adminKeys.person(actorId),
    queryFn: ({ signal }) => adminApi.person(actorId, signal),
    enabled: actorId !== '',
    retry: false,
  });
  const found = useQuery({
    queryKey: ['admin', 'actor-search', query],
    queryFn: ({ signal }) => adminApi.people({ q: query, role: '', organisationId: '', status: 'all' }, null, signal),
    enabled: query.length >= 2,
  });

  if (actorId) {
    return (
      <div className="field">
        <span className="field__label">{a.actor}</span>
        <p className="admin-chip">
          {a.actorSelected(chosen.data?.displayName ?? actorId)}{' '}
          <button
            type="button"
            className="button button--small"
            aria-label={a.actorClear}
            onClick={() => {
              onChange('');
            }}
          >
            ×
          </button>
        </p>
      </div>
    );
  }
  return (
    <div className="admin-actor">
      <TextField
        label={a.actor}
        hint={a.actorHint}
        type="search"
        name="actorSearch"
        autoComplete="off"
        value={text}
        aria-controls={resultsId}
        onChange={(event) => {
          setText(event.target.value);
        }}
      />
      <ul id={resultsId} className="admin-actor__results" aria-label={a.actorResults}>
        {query.length >= 2
          ? (found.data?.items ?? []).map((person) => (
              <li key={person.id}>
                <button
                  type="button"
                  className="button--link"
                  onClick={() => {
                    setText('');
                    onChange(person.id);
                  }}
                >
                  {person.displayName} <span className="muted">@{person.handle}</span>
                </button>
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
