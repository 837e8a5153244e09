import { WebPaths } from '@treffpunkt/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { SpaceForm } from '../forum/SpaceForm';
import { adminApi, adminKeys } from './adminApi';

/** Every space the person may manage, archived ones too, with a link to each space's own administration. */
export function SpacesPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  usePageTitle(t.adminArea.spaces.title);
  const headingId = useId();
  const formHeadingId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');
  const spaces = useQuery({ queryKey: adminKeys.spaces, queryFn: ({ signal }) => adminApi.spaces(signal) });
  const s = t.adminArea.spaces;

  return (
    <div className="stack">
      <h2 id={headingId}>{s.title}</h2>
      <LiveMessage kind="success">{notice}</LiveMessage>
      {creating ? (
        <section aria-labelledby={formHeadingId} className="card">
          <h3 id={formHeadingId}>{s.createHeading}</h3>
          <SpaceForm
            mode="create"
            autoFocus
            onCancel={() => {
              setCreating(false);
              requestAnimationFrame(() => toggleRef.current?.focus());
            }}
            onSaved={(space) => {
              setCreating(false);
              setNotice(s.created(space.name));
              void queryClient.invalidateQueries({ queryKey: adminKeys.spaces });
            }}
          />
        </section>
      ) : (
        <p>
          <button
            ref={toggleRef}
            type="button"
            className="button button--primary"
            aria-expanded="false"
            onClick={() => {
              setNotice('');
              setCreating(true);
            }}
          >
            {s.create}
          </button>
        </p>
      )}
      <LiveMessage kind="error">{spaces.isError ? errorMessage(spaces.error) : ''}</LiveMessage>
      {spaces.isPending ? (
        <p role="status">{t.common.loading}</p>
      ) : spaces.isSuccess && spaces.data.items.length === 0 ? (
        <p>{s.empty}</p>
      ) : spaces.isSuccess ? (
        <div className="table-scroll">
          <table className="table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{s.colName}</th>
                <th scope="col">{s.colVisibility}</th>
                <th scope="col" className="align-right">
                  {s.colMembers}
                </th>
                <th scope="col" className="align-right">
                  {s.colThreads}
                </th>
                <th scope="col">{s.colStatus}</th>
                <th scope="col">{s.colActions}</th>
              </tr>
            </thead>
            <tbody>
              {spaces.data.items.map((space) => (
                <tr key={space.id} className={space.archived ? 'space-row--archived' : undefined}>
                  <td>
                    <Link to={WebPaths.space(space.id)}>{space.name}</Link>
                  </td>
                  <td>{t.forum.visibility[space.visibility]}</td>
                  <td className="align-right">{space.memberCount}</td>
                  <td className="align-right">{space.threadCount}</td>
                  <td>{space.archived ? s.archived : s.active}</td>
                  <td>
                    <Link to={`${WebPaths.space(space.id)}/verwaltung`} aria-label={s.manage(space.name)}>
                      {s.manageShort}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
