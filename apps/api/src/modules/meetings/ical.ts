import { MEETING_TIME_ZONE, WebPaths } from '@treffpunkt/contracts';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Meeting } from './entities/meeting.entity.js';

/** Stable across every change: calendars update the event instead of adding a new one. */
export const meetingUid = (meetingId: string): string => `meeting-${meetingId}@treffpunkt`;

/**
 * iCalendar (RFC 5545) for meetings. Times are written as UTC instants (…Z), which every client
 * shows in its own zone; X-WR-TIMEZONE tells subscribing clients the network's zone.
 */
export function renderCalendar(name: string, meetings: Meeting[], publicUrl: string): string {
  const calendar = ical({
    name,
    prodId: { company: 'Treffpunkt', product: 'Termine', language: 'DE' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: null,
    ttl: 60 * 60,
  });
  calendar.x([{ key: 'X-WR-TIMEZONE', value: MEETING_TIME_ZONE }]);
  for (const m of meetings) {
    const url = `${publicUrl}${WebPaths.meeting(m.id)}`;
    const description = [m.description.trim(), m.onlineUrl ? `Online: ${m.onlineUrl}` : '', url].filter(Boolean).join('\n\n');
    calendar.createEvent({
      id: meetingUid(m.id),
      sequence: m.sequence,
      start: m.startsAt,
      end: m.endsAt,
      stamp: m.updatedAt,
      created: m.createdAt,
      lastModified: m.updatedAt,
      summary: m.title,
      description,
      location: m.location ?? m.onlineUrl ?? null,
      url,
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
