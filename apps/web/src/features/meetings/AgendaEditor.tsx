import { MEETING_AGENDA_ITEM_MAX, MEETING_AGENDA_MAX_ITEMS } from '@treffpunkt/contracts';
import { useEffect, useRef, useState } from 'react';
import { LiveMessage } from '../../components/LiveMessage';
import { useT } from '../../i18n';

export interface AgendaRow {
  /** Stable key while the list is reordered. */
  key: number;
  title: string;
}

/**
 * Ordered agenda items: a text field each, with "Nach oben", "Nach unten" and "Entfernen".
 * Focus follows the moved item (or goes to a neighbour after removing), and the change is announced.
 */
export function AgendaEditor({ rows, onChange }: { rows: AgendaRow[]; onChange: (rows: AgendaRow[]) => void }) {
  const t = useT();
  const [announcement, setAnnouncement] = useState('');
  const nextKey = useRef(rows.reduce((max, row) => Math.max(max, row.key), 0) + 1);
  const listRef = useRef<HTMLOListElement>(null);

  const pendingFocus = useRef<string | null>(null);
  const focusLater = (selector: string) => {
    pendingFocus.current = selector;
  };
  // After the list re-rendered: move focus where the last action asked for.
  useEffect(() => {
    if (!pendingFocus.current) return;
    listRef.current?.parentElement?.querySelector<HTMLElement>(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  function move(index: number, delta: -1 | 1) {
    const target = index + delta;
    if (target < 0 || target >= rows.length) return;
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (!row) return;
    next.splice(target, 0, row);
    onChange(next);
    setAnnouncement(t.meetings.agendaMoved(index + 1, target + 1));
    // Keep focus on the same button of the moved item; at the edge, on the other direction's button.
    const atEdge = target === 0 || target === rows.length - 1;
    const button = atEdge ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down';
    focusLater(`[data-agenda-key="${String(row.key)}"] [data-move="${button}"]`);
  }

  function remove(index: number) {
    const next = rows.filter((_, i) => i !== index);
    onChange(next);
    setAnnouncement(t.meetings.agendaRemoved(index + 1));
    const neighbour = next[index] ?? next[index - 1];
    focusLater(neighbour ? `[data-agenda-key="${String(neighbour.key)}"] input` : '[data-agenda-add]');
  }

  function add() {
    const key = nextKey.current++;
    onChange([...rows, { key, title: '' }]);
    focusLater(`[data-agenda-key="${String(key)}"] input`);
  }

  return (
    <fieldset className="fieldset agenda-editor">
      <legend>{t.meetings.agendaLegend}</legend>
      <LiveMessage kind="info">{announcement}</LiveMessage>
      {rows.length === 0 ? <p className="muted">{t.meetings.agendaEmpty}</p> : null}
      <ol ref={listRef} className="agenda-editor__list">
        {rows.map((row, index) => {
          const position = index + 1;
          const id = `agenda-item-${String(row.key)}`;
          return (
            <li key={row.key} data-agenda-key={row.key} className="agenda-editor__row">
              <label htmlFor={id} className="visually-hidden">
                {t.meetings.agendaItem(position)}
              </label>
              <span className="agenda-editor__number" aria-hidden="true">
                {position}.
              </span>
              <input
                id={id}
                type="text"
                value={row.title}
                maxLength={MEETING_AGENDA_ITEM_MAX}
                onChange={(event) => {
                  onChange(rows.map((candidate) => (candidate.key === row.key ? { ...candidate, title: event.target.value } : candidate)));
                }}
              />
              <button
                type="button"
                className="button button--small"
                data-move="up"
                aria-label={t.meetings.moveUp(position)}
                disabled={index === 0}
                onClick={() => {
                  move(index, -1);
                }}
              >
                <span aria-hidden="true">↑ </span>
                {t.meetings.up}
              </button>
              <button
                type="button"
                className="button button--small"
                data-move="down"
                aria-label={t.meetings.moveDown(position)}
                disabled={index === rows.length - 1}
                onClick={() => {
                  move(index, 1);
                }}
              >
                <span aria-hidden="true">↓ </span>
                {t.meetings.down}
              </button>
              <button
                type="button"
                className="button button--small button--link"
                aria-label={t.meetings.removeAgendaItem(position)}
                onClick={() => {
                  remove(index);
                }}
              >
                {t.meetings.remove}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" data-agenda-add onClick={add} disabled={rows.length >= MEETING_AGENDA_MAX_ITEMS}>
        {t.meetings.addAgendaItem}
      </button>
    </fieldset>
  );
}
