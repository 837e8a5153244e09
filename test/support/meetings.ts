import { randomBytes } from 'node:crypto';
import type { CreateMeetingRequest, MeetingDto } from '@treffpunkt/contracts';
import ICAL from 'ical.js';
import type { TestApp } from './app.js';
import { as, type Actor } from './forum.js';

/** A meeting through the API (default: a workshop next year, two hours). */
export async function createMeeting(t: TestApp, actor: Actor, body: Partial<CreateMeetingRequest> = {}): Promise<MeetingDto> {
  const res = await as(t, actor).post('/api/meetings', {
    title: `Termin ${randomBytes(3).toString('hex')}`,
    format: 'workshop',
    startsAt: '2027-05-04T08:00:00.000Z',
    endsAt: '2027-05-04T10:00:00.000Z',
    ...body,
  });
  if (res.status !== 201) throw new Error(`create meeting: expected 201, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MeetingDto;
}

export interface ParsedEvent {
  uid: string;
  sequence: number;
  summary: string;
  status: string | null;
  start: Date;
  end: Date;
  /** true when the start was written as UTC (…Z) or with a TZID the parser resolved. */
  startZone: string;
}

/** Parses iCalendar text with ical.js (independent of the generator the API uses); throws on invalid input. */
export function parseCalendar(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  if (calendar.name !== 'vcalendar') throw new Error(`not a VCALENDAR: ${calendar.name}`);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const status = component.getFirstPropertyValue('status');
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      status: typeof status === 'string' ? status : null,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      startZone: event.startDate.zone?.tzid ?? 'floating',
    };
  });
  return { calendar, events };
}
