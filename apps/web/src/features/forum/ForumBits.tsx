import { SUBSCRIPTION_LEVELS, type SpaceVisibility, type SubscriptionLevel, type UnlinkedMention } from '@treffpunkt/contracts';
import { useEffect, useId } from 'react';
import { useLocation } from 'react-router-dom';
import type { Messages } from '../../i18n';
import { useT } from '../../i18n';

export function VisibilityBadge({ visibility }: { visibility: SpaceVisibility }) {
  const t = useT();
  return (
    <span className={`badge badge--visibility badge--${visibility}`}>
      <span className="visually-hidden">{t.forum.visibilityLabel('')}</span>
      {t.forum.visibility[visibility]}
    </span>
  );
}

/** A count badge whose accessible text says what is counted ("3 ungelesene Themen"). */
export function CountBadge({ count, label, className = '' }: { count: number; label: string; className?: string }) {
  return (
    <span className={`badge badge--count ${className}`.trim()}>
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

export function CaseCodeBadge({ code }: { code: string }) {
  const t = useT();
  return (
    <span className="badge badge--case">
      <span className="visually-hidden">{t.forum.caseCode}: </span>
      {code}
    </span>
  );
}

export function SubscriptionSelect({
  value,
  onChange,
  disabled,
}: {
  value: SubscriptionLevel;
  onChange: (level: SubscriptionLevel) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="field subscription-select">
      <label htmlFor={id}>{t.forum.subscription}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const next = SUBSCRIPTION_LEVELS.find((level) => level === event.target.value);
          if (next) onChange(next);
        }}
      >
        {SUBSCRIPTION_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t.forum.subscriptionLevels[level]}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field__hint">
        {t.forum.subscriptionHint}
      </p>
    </div>
  );
}

/** "…wurde veröffentlicht. Diese Erwähnungen wurden nicht verlinkt: @x (unbekannt)." */
export function writeMessage(t: Messages, success: string, unlinked: UnlinkedMention[]): string {
  if (unlinked.length === 0) return success;
  const list = unlinked.map((item) => `@${item.handle} (${t.forum.unlinkedReasons[item.reason]})`).join(', ');
  return `${success} ${t.forum.unlinkedMentions(list)}`;
}

/**
 * Once a page's data has loaded, move focus to its <h1> if nothing else has it (the layout
 * focuses the heading on navigation, but a page that was still loading had none yet).
 */
export function useFocusHeadingWhenReady(ready: boolean): void {
  // On the first page of a visit the browser's own start point is kept (skip link first).
  const { key } = useLocation();
  const navigated = key !== 'default';
  useEffect(() => {
    if (!ready || !navigated) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.id !== 'main') return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [ready, navigated]);
}
