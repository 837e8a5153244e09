import type { DraftDto, SaveDraftRequest } from '@treffpunkt/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { spacesApi, threadsApi } from '../../api/endpoints';
import { forumKeys } from './queryKeys';

/** Whose draft: the new-thread draft of a space or the reply draft of a thread. */
export interface DraftTarget {
  kind: 'space' | 'thread';
  id: string;
}

export const DRAFT_SAVE_DELAY_MS = 1000;

export type DraftStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: string } | { state: 'failed' };

function draftCalls(target: DraftTarget) {
  return target.kind === 'space'
    ? {
        key: forumKeys.spaceDraft(target.id),
        load: (signal?: AbortSignal) => spacesApi.getDraft(target.id, signal),
        save: (body: SaveDraftRequest) => spacesApi.saveDraft(target.id, body),
        remove: () => spacesApi.deleteDraft(target.id),
      }
    : {
        key: forumKeys.threadDraft(target.id),
        load: (signal?: AbortSignal) => threadsApi.getDraft(target.id, signal),
        save: (body: SaveDraftRequest) => threadsApi.saveDraft(target.id, body),
        remove: () => threadsApi.deleteDraft(target.id),
      };
}

const isEmpty = (draft: SaveDraftRequest) => !draft.body.trim() && !draft.title?.trim();

/**
 * Server-side drafts (never web storage): loads the saved draft when the composer opens,
 * saves ~1 s after typing stops (`schedule`) and right away on `flush` (blur, unmount), and
 * `discard`s it after a successful post. Saves run one after another, so the last text wins.
 */
export function useDraft(target: DraftTarget | null) {
  const kind = target?.kind;
  const id = target?.id;
  const calls = kind && id ? draftCalls({ kind, id }) : null;

  const loaded = useQuery<DraftDto | null>({
    queryKey: calls?.key ?? ['forum', 'draft', 'none'],
    queryFn: ({ signal }) => (calls ? calls.load(signal) : Promise.resolve(null)),
    enabled: calls !== null,
    // Always ask the server when the composer opens; nothing lingers in memory afterwards.
    staleTime: 0,
    gcTime: 0,
    refetchOnMount: 'always',
    retry: false,
  });

  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<SaveDraftRequest | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const exists = useRef(false);

  useEffect(() => {
    if (loaded.data) exists.current = true;
  }, [loaded.data]);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const draft = pending.current;
    pending.current = null;
    if (!draft || !kind || !id) return;
    const { save, remove } = draftCalls({ kind, id });
    setStatus({ state: 'saving' });
    chain.current = chain.current
      .then(async () => {
        if (isEmpty(draft)) {
          if (exists.current) await remove();
          exists.current = false;
          setStatus({ state: 'idle' });
          return;
        }
        const saved = await save(draft);
        exists.current = true;
        setStatus({ state: 'saved', at: saved.updatedAt });
      })
      .catch(() => {
        setStatus({ state: 'failed' });
      });
  }, [kind, id]);

  const schedule = useCallback(
    (draft: SaveDraftRequest) => {
      if (!kind || !id) return;
      pending.current = draft;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
    },
    [flush, kind, id],
  );

  /** After a successful post: drop pending saves and delete the stored draft. */
  const discard = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    if (!kind || !id) return;
    const { remove } = draftCalls({ kind, id });
    await chain.current;
    exists.current = false;
    setStatus({ state: 'idle' });
    await remove().catch(() => undefined);
  }, [kind, id]);

  // Leaving the page with unsaved typing: save it now.
  useEffect(() => flush, [flush]);

  return {
    /** The stored draft once loaded (null: none); undefined while loading or without target. */
    loaded: loaded.isFetched ? (loaded.data ?? null) : undefined,
    status,
    schedule,
    flush,
    discard,
  };
}
