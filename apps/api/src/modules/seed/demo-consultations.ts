import { Inject, Injectable } from '@nestjs/common';
import type {
  ConsultationChannel,
  ConsultationLanguage,
  ConsultationOutcome,
  ConsultationTopic,
  OccupationGroup,
} from '@treffpunkt/contracts';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../database/transaction.js';
import { berlinToday } from '../statistics/calendar.js';
import { StatisticsRepository, type ConsultationValues } from '../statistics/statistics.repository.js';
import { UsersRepository } from '../users/users.repository.js';

/** The same "random" year on every machine: the dashboard of a fresh `npm start` always looks alike. */
export const DEMO_CONSULTATIONS_SEED = 20_260_101;

type Weights<T extends string | null> = [T, number][];

interface ServicePointProfile {
  /** Organisation key in demo-data.ts. */
  organisation: string;
  /** Demo person who records the consultations. */
  author: string;
  /** Mean consultations per working day. */
  perDay: number;
  topics: Weights<ConsultationTopic>;
}

const PROFILES: ServicePointProfile[] = [
  {
    organisation: 'sp-magdeburg',
    author: 'beratung@treffpunkt.demo',
    perDay: 3.2,
    topics: [
      ['recognition', 55],
      ['qualification', 20],
      ['job_search', 12],
      ['labour_rights', 8],
      ['other', 5],
    ],
  },
  {
    organisation: 'sp-halle',
    author: 'farid.ahmadi@treffpunkt.demo',
    perDay: 2.1,
    topics: [
      ['labour_rights', 50],
      ['job_search', 20],
      ['recognition', 15],
      ['qualification', 10],
      ['other', 5],
    ],
  },
  // A small service point: some of its monthly cells are below 5, so disclosure control shows.
  {
    organisation: 'sp-dessau',
    author: 'katrin.schulz@treffpunkt.demo',
    perDay: 0.25,
    topics: [
      ['recognition', 40],
      ['qualification', 30],
      ['job_search', 20],
      ['other', 10],
    ],
  },
];

const CHANNELS: Weights<ConsultationChannel> = [
  ['in_person', 55],
  ['phone', 25],
  ['video', 12],
  ['email', 8],
];
const LANGUAGES: Weights<ConsultationLanguage | null> = [
  ['de', 40],
  ['ar', 14],
  ['uk', 12],
  ['prs', 7],
  ['fa', 5],
  ['ru', 6],
  ['en', 8],
  ['tr', 4],
  ['ti', 2],
  [null, 2],
];
const COUNTRIES: Weights<string | null> = [
  ['SY', 18],
  ['UA', 16],
  ['AF', 10],
  ['TR', 6],
  ['IR', 5],
  ['RU', 4],
  ['IN', 6],
  ['VN', 4],
  ['ER', 2],
  ['PL', 3],
  ['RO', 3],
  ['PH', 3],
  [null, 20],
];
const OCCUPATIONS: Weights<OccupationGroup | null> = [
  ['health_social_education', 30],
  ['production', 12],
  ['construction', 8],
  ['science_it', 10],
  ['commerce_tourism', 8],
  ['business_admin', 7],
  ['logistics_security', 6],
  [null, 19],
];
const OUTCOMES: Weights<ConsultationOutcome | null> = [
  ['advice_given', 55],
  ['referred', 20],
  ['application_submitted', 15],
  ['other', 5],
  [null, 5],
];
/** Partner organisations (demo-data.ts keys) people are referred to. */
const REFERRAL_TARGETS: Weights<string> = [
  ['admin-office', 35],
  ['caritas', 25],
  ['school', 20],
  ['migrant-org', 12],
  ['business', 8],
];
/** Fewer consultations in the summer and Christmas holidays. */
const MONTH_FACTOR = [1, 1.05, 1.1, 1, 1, 0.95, 0.8, 0.6, 1, 1.1, 1.05, 0.7];

/** mulberry32: tiny, fast, good enough for demo data, and the same on every platform. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T extends string | null>(next: () => number, weights: Weights<T>): T {
  let r = next() * weights.reduce((a, [, w]) => a + w, 0);
  for (const [value, weight] of weights) {
    r -= weight;
    if (r < 0) return value;
  }
  return weights[weights.length - 1]![0];
}

/** Knuth's Poisson sampler (means are small). */
function poisson(next: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = next(); p > limit; p *= next()) k++;
  return k;
}

export interface DemoConsultation extends ConsultationValues {
  authorKey: string;
  createdAt: Date;
}

/**
 * A year of consultations up to `today` (YYYY-MM-DD) on working days, for the demo service points.
 * `organisationIds` maps demo-data keys to ids. Deterministic: same seed and day, same rows.
 */
export function generateDemoConsultations(
  today: string,
  organisationIds: ReadonlyMap<string, string>,
  seed = DEMO_CONSULTATIONS_SEED,
): DemoConsultation[] {
  const next = random(seed);
  const end = Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)));
  const id = (key: string) => {
    const value = organisationIds.get(key);
    if (!value) throw new Error(`demo consultations name unknown organisation ${key}`);
    return value;
  };
  const rows: DemoConsultation[] = [];
  for (let offset = 364; offset >= 0; offset--) {
    const day = new Date(end - offset * 86_400_000);
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const date = day.toISOString().slice(0, 10);
    for (const profile of PROFILES) {
      const count = poisson(next, profile.perDay * MONTH_FACTOR[day.getUTCMonth()]!);
      for (let n = 0; n < count; n++) {
        const outcome = pick(next, OUTCOMES);
        rows.push({
          date,
          servicePointId: id(profile.organisation),
          authorKey: profile.author,
          topic: pick(next, profile.topics),
          channel: pick(next, CHANNELS),
          language: pick(next, LANGUAGES),
          countryOfQualification: pick(next, COUNTRIES),
          occupationGroup: pick(next, OCCUPATIONS),
          outcome,
          referredToOrganisationId: outcome === 'referred' ? id(pick(next, REFERRAL_TARGETS)) : null,
          note: null,
          // recorded at the end of the working day (UTC 15:00 = 16/17:00 in Magdeburg)
          createdAt: new Date(day.getTime() + 15 * 3_600_000 + n * 60_000),
        });
      }
    }
  }
  return rows;
}

/** Writes the demo year once: a database that has any consultation is left alone. */
@Injectable()
export class DemoConsultationsSeeder {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(StatisticsRepository) private readonly statistics: StatisticsRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async seed(organisationIds: ReadonlyMap<string, string>, today: string = berlinToday()): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      // One seeder at a time (two API instances starting on an empty database).
      await manager.query('SELECT pg_advisory_xact_lock(727113101)');
      if ((await this.statistics.countConsultations(manager)) > 0) return 0;
      const authors = new Map<string, string | null>();
      for (const profile of PROFILES) authors.set(profile.author, (await this.users.findByEmail(profile.author, manager))?.id ?? null);
      const now = new Date();
      const rows = generateDemoConsultations(today, organisationIds).map(({ authorKey, createdAt, ...row }) => ({
        ...row,
        authorId: authors.get(authorKey) ?? null,
        // today's entries were "recorded" in the afternoon, which may not have come yet
        createdAt: createdAt > now ? now : createdAt,
      }));
      await this.statistics.insertMany(rows, manager);
      return rows.length;
    });
  }
}
