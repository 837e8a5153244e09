import { Inject, Injectable } from '@nestjs/common';
import { MEETING_TIME_ZONE, type CreateMeetingRequest } from '@treffpunkt/contracts';
import { DateTime } from 'luxon';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { MeetingsRepository } from '../meetings/meetings.repository.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { UsersRepository } from '../users/users.repository.js';

interface DemoMeeting extends Omit<CreateMeetingRequest, 'startsAt' | 'endsAt' | 'spaceId'> {
  /** Slug of the space; absent = network-wide. */
  space?: string;
  organiser: string;
  /** Days from today, Berlin wall-clock start time and length. */
  inDays: number;
  /** For series: the weekday (1 = Monday) of the first occurrence on or after `inDays`. */
  weekday?: number;
  at: { hour: number; minute: number };
  hours: number;
  /** Series length in weeks (weekly series only). */
  weeks?: number;
}

const DEMO_MEETINGS: DemoMeeting[] = [
  {
    title: 'Netzwerktreffen IQ Sachsen-Anhalt',
    format: 'network_meeting',
    organiser: 'koordination@treffpunkt.demo',
    inDays: 14,
    at: { hour: 10, minute: 0 },
    hours: 3,
    location: 'Landeshaus Magdeburg, Raum 1.12',
    onlineUrl: 'https://meet.example.org/netzwerktreffen',
    capacity: 40,
    description: 'Halbjährliches Treffen aller Anlaufstellen. Bitte melden Sie sich bis eine Woche vorher an.',
    agenda: ['Begrüßung und Vorstellungsrunde', 'Berichte aus den Anlaufstellen', 'Ausblick Förderperiode', 'Verschiedenes'],
  },
  {
    title: 'Workshop: Anerkennung in der Pflege',
    format: 'workshop',
    space: 'ag-pflege',
    organiser: 'koordination@treffpunkt.demo',
    inDays: 21,
    at: { hour: 13, minute: 0 },
    hours: 2,
    location: 'Berufsfachschule Halle',
    capacity: 12,
    description: 'Praxisfälle zur **Kenntnisprüfung** und zum Anpassungslehrgang.',
    agenda: ['Aktuelle Rechtslage', 'Fallbeispiele', 'Absprachen mit Arbeitgebern'],
  },
  {
    title: 'Jour fixe Koordination',
    format: 'project_management',
    space: 'netzwerk',
    organiser: 'koordination@treffpunkt.demo',
    inDays: 1,
    weekday: 1,
    at: { hour: 9, minute: 30 },
    hours: 1,
    onlineUrl: 'https://meet.example.org/jourfixe',
    weeks: 8,
  },
];

/** A few upcoming meetings for the demo. Idempotent: a meeting whose title exists in its space is left alone. */
@Injectable()
export class DemoMeetingsSeeder {
  constructor(
    @Inject(MeetingsService) private readonly meetings: MeetingsService,
    @Inject(MeetingsRepository) private readonly repository: MeetingsRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  /** Returns how many meetings (or series) were added. */
  async seed(now: Date = new Date()): Promise<number> {
    let added = 0;
    for (const { space, organiser, inDays, weekday, at, hours, weeks, ...meeting } of DEMO_MEETINGS) {
      const spaceId = space ? await this.repository.spaceIdBySlug(space) : null;
      if (space && !spaceId) continue;
      if (await this.repository.titleExists(meeting.title, spaceId)) continue;
      const user = await this.users.findByEmail(organiser);
      if (!user) continue;
      let start = DateTime.fromJSDate(now, { zone: MEETING_TIME_ZONE }).startOf('day').plus({ days: inDays }).set(at);
      if (weekday) start = start.plus({ days: (weekday - start.weekday + 7) % 7 });
      const end = start.plus({ hours });
      const actor: AuthUser = { id: user.id, role: user.role, organisationId: user.organisationId };
      await this.meetings.create(
        { user: actor, ip: '127.0.0.1' },
        {
          ...meeting,
          spaceId,
          startsAt: start.toUTC().toISO()!,
          endsAt: end.toUTC().toISO()!,
          ...(weeks ? { series: { frequency: 'weekly', until: start.plus({ weeks: weeks - 1 }).toISODate()! } } : {}),
        },
      );
      added++;
    }
    return added;
  }
}
