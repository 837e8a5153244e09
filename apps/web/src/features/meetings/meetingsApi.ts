import {
  ErrorCode,
  Routes,
  type AttendeeListDto,
  type CalendarFeedDto,
  type CalendarFeedStateDto,
  type CancelMeetingRequest,
  type CreateMeetingRequest,
  type DocumentSummaryDto,
  type ErrorBody,
  type MeetingDto,
  type MeetingFormat,
  type MeetingListDto,
  type Page,
  type RsvpResponse,
  type RsvpStatus,
  type SpaceDto,
  type UpdateMeetingRequest,
} from '@treffpunkt/contracts';
import { ApiError, ClientErrorCode, api } from '../../api/client';

const withSignal = (signal?: AbortSignal): { signal?: AbortSignal } => (signal ? { signal } : {});

export interface MeetingListParams {
  from: string;
  to: string;
  spaceId?: string | undefined;
  format?: MeetingFormat | undefined;
}

function listQuery(params: MeetingListParams): string {
  const query = new URLSearchParams({ from: params.from, to: params.to });
  if (params.spaceId) query.set('spaceId', params.spaceId);
  if (params.format) query.set('format', params.format);
  return `?${query.toString()}`;
}

/** At most this many pages of spaces are read for the space filter and the form (50 each). */
const MAX_SPACE_PAGES = 10;

/** One function per meetings/calendar API call. */
export const meetingsApi = {
  list: (params: MeetingListParams, signal?: AbortSignal): Promise<MeetingListDto> =>
    api.get<MeetingListDto>(`${Routes.meetings.list}${listQuery(params)}`, withSignal(signal)),
  get: (id: string, signal?: AbortSignal): Promise<MeetingDto> => api.get<MeetingDto>(Routes.meetings.one(id), withSignal(signal)),
  create: (body: CreateMeetingRequest, idempotencyKey: string): Promise<MeetingDto> =>
    api.post<MeetingDto>(Routes.meetings.list, body, { headers: { 'Idempotency-Key': idempotencyKey } }),
  update: (id: string, body: UpdateMeetingRequest): Promise<MeetingDto> => api.patch<MeetingDto>(Routes.meetings.one(id), body),
  cancel: (id: string, body: CancelMeetingRequest): Promise<MeetingDto> => api.post<MeetingDto>(Routes.meetings.cancel(id), body),
  rsvp: (id: string, status: RsvpStatus): Promise<RsvpResponse> => api.put<RsvpResponse>(Routes.meetings.rsvp(id), { status }),
  attendees: (id: string, signal?: AbortSignal): Promise<AttendeeListDto> =>
    api.get<AttendeeListDto>(Routes.meetings.attendees(id), withSignal(signal)),
  /** The linked minutes document's name and place (null when the caller cannot see it). */
  document: async (id: string, signal?: AbortSignal): Promise<DocumentSummaryDto | null> => {
    try {
      return await api.get<DocumentSummaryDto>(Routes.documents.one(id), withSignal(signal));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
      throw error;
    }
  },
  /** Every space the caller can see (for the space filter and the form's space choice). */
  spaces: async (signal?: AbortSignal): Promise<SpaceDto[]> => {
    const spaces: SpaceDto[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < MAX_SPACE_PAGES; page++) {
      const query = new URLSearchParams({ limit: '50' });
      if (cursor) query.set('cursor', cursor);
      const result: Page<SpaceDto> = await api.get<Page<SpaceDto>>(`${Routes.spaces.list}?${query.toString()}`, withSignal(signal));
      spaces.push(...result.items);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return spaces;
  },
};

export const calendarApi = {
  feed: (signal?: AbortSignal): Promise<CalendarFeedStateDto> => api.get<CalendarFeedStateDto>(Routes.calendar.feed, withSignal(signal)),
  /** Creates the feed or replaces its secret (the old URL stops working). */
  regenerate: (): Promise<CalendarFeedDto> => api.post<CalendarFeedDto>(Routes.calendar.feed),
  revoke: (): Promise<void> => api.delete(Routes.calendar.feed),
};

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' && value !== null && typeof (value as Partial<ErrorBody>).code === 'string';

async function blobError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) return new ApiError(response.status, body.code, body.message, { correlationId: body.correlationId });
  const code = response.status === 404 ? ErrorCode.NotFound : response.status === 403 ? ErrorCode.Forbidden : ErrorCode.InternalError;
  return new ApiError(response.status, code, response.statusText);
}

/**
 * GETs a file with the bearer token (the access token lives in memory only, so a plain link
 * cannot carry it). A 401 refreshes the session once and retries.
 */
export async function fetchBlobWithToken(path: string): Promise<Blob> {
  const send = async (token: string | null): Promise<Response> => {
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await globalThis.fetch(path, { method: 'GET', headers, credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, ClientErrorCode.Network, 'Network request failed');
    }
  };
  let response = await send(api.token);
  if (response.status === 401) {
    const session = await api.refresh();
    if (session) response = await send(session.accessToken);
  }
  if (!response.ok) throw await blobError(response);
  return response.blob();
}

/** Saves a blob under `fileName` through a temporary object URL. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click: revoke a little later.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/** A file name from a meeting title: "Netzwerktreffen März" → "netzwerktreffen-maerz.ics". */
export function icsFileName(title: string): string {
  const base = title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'termin'}.ics`;
}
