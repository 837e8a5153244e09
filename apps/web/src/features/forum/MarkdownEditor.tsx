import type { UserSummary } from '@treffpunkt/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useImperativeHandle, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type Ref } from 'react';
import { spacesApi } from '../../api/endpoints';
import { useT } from '../../i18n';
import {
  applyFormat,
  completeMention,
  FORMAT_KINDS,
  insertBlock,
  mentionAt,
  type FormatKind,
  type MentionQuery,
  type TextEdit,
} from './markdown';
import { MarkdownPreview } from './MarkdownPreview';
import { forumKeys } from './queryKeys';

export interface MarkdownEditorHandle {
  focus: () => void;
  /** Inserts a block (e.g. a quote) at the caret on its own lines and focuses the field. */
  insertBlock: (text: string) => void;
  /** Selects a range (e.g. a personal-data finding) and focuses the field. */
  select: (start: number, end: number) => void;
}

const SHORTCUTS: Partial<Record<string, FormatKind>> = { b: 'bold', i: 'italic', k: 'link' };
const MAX_SUGGESTIONS = 8;

/**
 * Markdown textarea with a formatting toolbar, @-mention autocomplete (a combobox while the
 * suggestions are open) and a live preview.
 */
export function MarkdownEditor({
  ref,
  label,
  value,
  onChange,
  spaceId,
  error,
  hint,
  disabled = false,
  onBlur,
  rows = 8,
  maxLength,
}: {
  ref?: Ref<MarkdownEditorHandle>;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Space whose members can be mentioned. */
  spaceId: string;
  error?: string | undefined;
  hint?: string | undefined;
  disabled?: boolean;
  onBlur?: (event: FocusEvent<HTMLTextAreaElement>) => void;
  rows?: number;
  maxLength?: number;
}) {
  const t = useT();
  const id = useId();
  const textareaId = `${id}-text`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const listboxId = `${id}-mentions`;
  const previewLabelId = `${id}-preview`;
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const pendingSelection = useRef<{ start: number; end: number } | null>(null);
  const [activeTool, setActiveTool] = useState(0);
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [activeOption, setActiveOption] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const mentionQuery = mention?.query ?? '';
  const suggestions = useQuery({
    queryKey: forumKeys.mentionable(spaceId, mentionQuery.toLowerCase()),
    queryFn: ({ signal }) => spacesApi.mentionable(spaceId, mentionQuery, signal),
    enabled: mention !== null,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const options: UserSummary[] = mention ? (suggestions.data ?? []).slice(0, MAX_SUGGESTIONS) : [];
  const settled = mention !== null && mention.start !== dismissedAt && suggestions.isSuccess;
  const open = settled && options.length > 0;
  const active = Math.min(activeOption, Math.max(options.length - 1, 0));

  useLayoutEffect(() => {
    const selection = pendingSelection.current;
    const textarea = textareaRef.current;
    if (!selection || !textarea) return;
    pendingSelection.current = null;
    textarea.focus();
    textarea.setSelectionRange(selection.start, selection.end);
  }, [value]);

  function apply(edit: TextEdit) {
    pendingSelection.current = { start: edit.selectionStart, end: edit.selectionEnd };
    if (edit.value === value) {
      // No re-render will come: place the selection now.
      textareaRef.current?.focus();
      textareaRef.current?.setSelectionRange(edit.selectionStart, edit.selectionEnd);
      pendingSelection.current = null;
    } else {
      onChange(edit.value);
    }
    setMention(null);
  }

  function currentEdit(): TextEdit {
    const textarea = textareaRef.current;
    return {
      value,
      selectionStart: textarea?.selectionStart ?? value.length,
      selectionEnd: textarea?.selectionEnd ?? value.length,
    };
  }

  useImperativeHandle(
    ref,
    () => ({
      focus: () => textareaRef.current?.focus(),
      insertBlock: (text: string) => {
        const textarea = textareaRef.current;
        // Without a caret in the field yet, append at the end.
        const hasFocus = textarea !== null && document.activeElement === textarea;
        const at = hasFocus ? textarea.selectionEnd : value.length;
        apply(insertBlock({ value, selectionStart: at, selectionEnd: at }, text));
      },
      select: (start: number, end: number) => {
        const textarea = textareaRef.current;
        if (!textarea) return;
        textarea.focus();
        textarea.setSelectionRange(start, end);
      },
    }),
    // apply() only uses value and onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [value, onChange],
  );

  function format(kind: FormatKind) {
    apply(applyFormat(kind, currentEdit()));
  }

  function updateMention(text: string, caret: number) {
    const next = mentionAt(text, caret);
    setMention((previous) => (previous?.start === next?.start && previous?.query === next?.query ? previous : next));
    if (next?.start !== mention?.start || next?.query !== mention?.query) setActiveOption(0);
    // Leaving a mention re-arms the list for the next one, even after Escape.
    if (next === null) setDismissedAt(null);
  }

  function choose(person: UserSummary) {
    if (!mention) return;
    apply(completeMention(value, mention, person.handle));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open && options.length > 0) {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        setActiveOption((active + 1) % options.length);
        return;
      }
      if (event.key === 'ArrowUp') {
        event.preventDefault();
        setActiveOption((active - 1 + options.length) % options.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        const person = options[active];
        if (person) {
          event.preventDefault();
          choose(person);
          return;
        }
      }
    }
    if (open && event.key === 'Escape') {
      event.preventDefault();
      setDismissedAt(mention?.start ?? null);
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      const kind = SHORTCUTS[event.key.toLowerCase()];
      if (kind) {
        event.preventDefault();
        format(kind);
      }
    }
  }

  // Roving tabindex inside the toolbar (one Tab stop, arrows move between buttons).
  const toolRefs = useRef<(HTMLButtonElement | null)[]>([]);
  function onToolbarKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = FORMAT_KINDS.length - 1;
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = activeTool === last ? 0 : activeTool + 1;
    else if (event.key === 'ArrowLeft') next = activeTool === 0 ? last : activeTool - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    if (next === null) return;
    event.preventDefault();
    setActiveTool(next);
    toolRefs.current[next]?.focus();
  }

  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const activeId = open && options[active] ? `${listboxId}-${options[active].id}` : undefined;
  const shortcutHint: Partial<Record<FormatKind, string>> = { bold: 'Ctrl+B', italic: 'Ctrl+I', link: 'Ctrl+K' };

  return (
    <div className={['field', 'md-editor', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      <label htmlFor={textareaId}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div role="toolbar" aria-label={t.forum.toolbar} aria-controls={textareaId} className="md-toolbar" onKeyDown={onToolbarKeyDown}>
        {FORMAT_KINDS.map((kind, index) => (
          <button
            key={kind}
            ref={(element) => {
              toolRefs.current[index] = element;
            }}
            type="button"
            className={`md-toolbar__button md-toolbar__button--${kind}`}
            tabIndex={index === activeTool ? 0 : -1}
            disabled={disabled}
            title={shortcutHint[kind] ? `${t.forum.format[kind]} (${shortcutHint[kind]})` : t.forum.format[kind]}
            onMouseDown={(event) => {
              // Keep the selection in the textarea.
              event.preventDefault();
            }}
            onFocus={() => {
              setActiveTool(index);
            }}
            onClick={() => {
              setActiveTool(index);
              format(kind);
            }}
          >
            {t.forum.format[kind]}
          </button>
        ))}
      </div>
      <div className="md-editor__input">
        <textarea
          ref={textareaRef}
          id={textareaId}
          value={value}
          rows={rows}
          disabled={disabled}
          maxLength={maxLength}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          role={open ? 'combobox' : undefined}
          aria-autocomplete="list"
          aria-expanded={open ? true : undefined}
          aria-controls={open ? listboxId : undefined}
          aria-activedescendant={activeId}
          onChange={(event) => {
            onChange(event.target.value);
            updateMention(event.target.value, event.target.selectionEnd);
          }}
          onSelect={(event) => {
            updateMention(event.currentTarget.value, event.currentTarget.selectionEnd);
          }}
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            setMention(null);
            onBlur?.(event);
          }}
        />
        {open ? (
          <ul id={listboxId} role="listbox" aria-label={t.forum.mentionSuggestions} className="mention-list">
            {options.map((person, index) => (
              <li
                key={person.id}
                id={`${listboxId}-${person.id}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'mention-list__option mention-list__option--active' : 'mention-list__option'}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(person);
                }}
              >
                <span className="mention-list__name">{person.displayName}</span> <span className="muted">@{person.handle}</span>
                <span className="visually-hidden">, </span>
                <span className="mention-list__org muted">{person.organisation.name}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <div role="status" className="visually-hidden">
          {settled ? t.forum.mentionCount(options.length) : ''}
        </div>
      </div>
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      <div className="md-preview" role="region" aria-labelledby={previewLabelId}>
        <p id={previewLabelId} className="md-preview__label">
          {t.forum.preview}
        </p>
        <div className="md-preview__body post-body" data-testid="markdown-preview">
          {value.trim() ? <MarkdownPreview markdown={value} /> : <p className="muted">{t.forum.previewEmpty}</p>}
        </div>
      </div>
    </div>
  );
}
