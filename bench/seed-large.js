/**
 * Generates the large data set "M" the benchmarks run on, into a database of its own (never the
 * demo database): at --scale 1 10,000 people in 2,000 organisations, 60 spaces, 50,000 threads with
 * 1,000,000 posts, read markers and subscriptions, 50,000 documents (every version backed by one of
 * a few hundred real files in the content-addressed store), 5,000 meetings with RSVPs and 100,000
 * consultations. Same --seed and --scale ⇒ the same ids, texts and timestamps.
 *
 *   npm run seed:large -- [--scale 1] [--seed 1] [--force] [--database <name>]
 *
 * Bulk load: COPY FROM STDIN (FREEZE, into tables truncated in the same transaction), with the
 * secondary indexes and foreign keys dropped during the load and recreated from their own catalog
 * definitions afterwards (recreating validates every foreign key and unique index), then ANALYZE.
 * Writes <BENCH_DATA_DIR>/dataset-s<scale>.json (see bench/README.md, "Large data set").
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateSync } from 'node:zlib';
import { CONSULTATION_LANGUAGES, COUNTRY_CODES, MEETING_TIME_ZONE, OCCUPATION_GROUPS, WebPaths } from '@treffpunkt/contracts';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { API_DIST, largeDataPaths, openLargeDatabase } from './lib/large-db.js';
import { AliasTable, Random, zipfWeights } from './lib/data/random.js';
import { htmlOf, markdownOf, TextGenerator } from './lib/data/text.js';
import * as W from './lib/data/words.js';

// ── arguments ─────────────────────────────────────────────────────────────────────────────────

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    force: { type: 'boolean', default: false },
    database: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    // keeps indexes and keys during the load (only to measure that dropping them is faster)
    'keep-indexes': { type: 'boolean', default: false },
  },
});
const SCALE = Number(args.scale);
const SEED = Number(args.seed);
if (!(SCALE > 0 && SCALE <= 10)) fail(`--scale must be a number in (0, 10], got ${args.scale}`);
if (!Number.isInteger(SEED) || SEED < 0) fail(`--seed must be a whole number ≥ 0, got ${args.seed}`);

/** All timestamps are relative to this instant, never to the clock. */
const EPOCH = Date.UTC(2026, 10, 1);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PASSWORD = 'large-treffpunkt';
const MAIL_DOMAIN = 'large.treffpunkt.test';

/** Changes whenever the generator's code or word lists change: a stored data set of another version is regenerated. */
const GENERATOR_VERSION = (() => {
  const hash = createHash('sha256').update(readFileSync(import.meta.filename));
  const dataDir = join(import.meta.dirname, 'lib/data');
  for (const file of readdirSync(dataDir).sort()) hash.update(readFileSync(join(dataDir, file)));
  return hash.digest('hex').slice(0, 16);
})();

const n = (full, min) => Math.max(min, Math.round(full * SCALE));
const PLAN = {
  organisations: n(2000, 8),
  users: n(10_000, 60),
  admins: n(10, 1),
  coordinators: n(100, 2),
  advisors: n(3000, 10),
  spaces: n(60, 6),
  threads: n(50_000, 40),
  posts: n(1_000_000, 400),
  bigThreadPosts: n(20_000, 60),
  documents: n(50_000, 20),
  files: n(300, 12),
  meetings: n(5000, 6),
  consultations: n(100_000, 50),
};

// ── output ────────────────────────────────────────────────────────────────────────────────────

const started = process.hrtime.bigint();
const elapsed = (since = started) => Number(process.hrtime.bigint() - since) / 1e9;
const log = (...parts) => {
  if (!args.quiet) console.log(`[${elapsed().toFixed(1).padStart(6)} s]`, ...parts);
};
function fail(message) {
  console.error(`seed:large: ${message}`);
  process.exit(2);
}
const fmt = (x) => Math.round(x).toLocaleString('en-US');

// ── COPY ──────────────────────────────────────────────────────────────────────────────────────

/** One value in COPY text format. */
function enc(v) {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, escapeChar) : v;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v)) return enc(`{${v.map((e) => `"${String(e).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  return String(v);
}
const ESCAPES = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeChar = (c) => ESCAPES[c];
const iso = (ms) => new Date(ms).toISOString();
const dateOnly = (ms) => iso(ms).slice(0, 10);

/**
 * A COPY into one table on a connection of its own, in one transaction that first truncates the
 * table, so the rows can be written frozen (and, with wal_level=minimal, without WAL).
 */
class CopyWriter {
  /** @param {string} url @param {string} table @param {string[]} columns */
  constructor(url, table, columns) {
    this.url = url;
    this.table = table;
    this.columns = columns;
    this.buffer = '';
    this.rows = 0;
    this.error = null;
  }

  async open() {
    this.client = new pg.Client({ connectionString: this.url });
    this.client.on('error', (error) => (this.error ??= error));
    await this.client.connect();
    await this.client.query("SET synchronous_commit = off; SET maintenance_work_mem = '256MB'");
    await this.client.query('BEGIN');
    await this.client.query(`TRUNCATE ${this.table}`);
    this.stream = this.client.query(copyFrom(`COPY ${this.table} (${this.columns.join(', ')}) FROM STDIN WITH (FREEZE)`));
    this.stream.on('error', (error) => (this.error ??= error));
    this.started = process.hrtime.bigint();
    return this;
  }

  /** @param {unknown[]} values @returns {Promise<void> | undefined} wait for it when it is a promise */
  row(values) {
    let line = enc(values[0]);
    for (let i = 1; i < values.length; i++) line += '\t' + enc(values[i]);
    this.buffer += line + '\n';
    this.rows++;
    return this.buffer.length > 1 << 20 ? this.flush() : undefined;
  }

  async flush() {
    if (this.error) throw this.error;
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close() {
    await this.flush();
    const done = new Promise((resolve, reject) => {
      this.stream.on('finish', resolve);
      this.stream.on('error', reject);
    });
    this.stream.end();
    await done;
    await this.client.query('COMMIT');
    await this.client.end();
    const seconds = elapsed(this.started);
    log(
      `${this.table.padEnd(22)} ${fmt(this.rows).padStart(10)} rows in ${seconds.toFixed(1)} s (${fmt(this.rows / Math.max(seconds, 1e-3))} rows/s)`,
    );
    return this.rows;
  }
}

/** @param {string} url @param {string} table @param {string[]} columns @param {Iterable<unknown[]>} rows */
async function copyTable(url, table, columns, rows) {
  const writer = await new CopyWriter(url, table, columns).open();
  for (const row of rows) {
    const wait = writer.row(row);
    if (wait) await wait;
  }
  return writer.close();
}

// ── the plan: people, organisations, spaces ────────────────────────────────────────────────────

const rnd = (stream) => new Random(SEED, stream);
const isActive = (u) => u.status === 'active';
/** How the product writes a meeting's time into its announcement (meetings.service.ts). */
const WHEN = new Intl.DateTimeFormat('de-DE', { timeZone: MEETING_TIME_ZONE, dateStyle: 'full', timeStyle: 'short' });

/** Weighted choice from [value, weight] pairs. */
function weighted(random, pairs) {
  let total = 0;
  for (const [, w] of pairs) total += w;
  let x = random.next() * total;
  for (const [v, w] of pairs) {
    x -= w;
    if (x < 0) return v;
  }
  return pairs[pairs.length - 1][0];
}

function planOrganisations() {
  const random = rnd('organisations');
  const types = [
    ['service_point', 10],
    ['business', 35],
    ['welfare', 14],
    ['migrant_org', 14],
    ['education', 12],
    ['public_admin', 10],
    ['other', 5],
  ];
  const organisations = [];
  for (let i = 0; i < PLAN.organisations; i++) {
    // every type at least once, then the network's mix
    const first = ['other', 'service_point', 'service_point', 'business', 'welfare', 'migrant_org', 'education', 'public_admin'];
    const type = i < first.length ? first[i] : weighted(random, types);
    const [city, postcode] = random.pick(W.CITIES);
    const base = i === 0 ? 'Netzwerkkoordination Integration durch Qualifizierung' : random.pick(W.ORGANISATION_NAMES[type]);
    const name = i === 0 ? base : `${base} ${city} ${i}`;
    organisations.push({
      id: random.uuid(),
      index: i,
      name,
      type,
      city,
      postcode,
      address: `${random.pick(W.STREETS)} ${random.range(1, 120)}`,
      description: `${base} in ${city}.`,
      website: random.chance(0.6) ? `https://org${i}.${MAIL_DOMAIN}` : null,
      email: random.chance(0.7) ? `kontakt@org${i}.${MAIL_DOMAIN}` : null,
      phone: random.chance(0.5) ? `0${random.range(300, 399)} ${random.range(100000, 999999)}` : null,
      fieldsOfAction: random.sample(
        ['labour_market', 'education_training', 'recognition', 'integration', 'counselling', 'language', 'health_care'],
        random.range(1, 3),
      ),
      targetGroups: random.sample(
        ['migrants', 'refugees', 'companies', 'skilled_workers', 'women', 'young_people', 'students'],
        random.range(1, 3),
      ),
      createdAt: EPOCH - random.range(1200, 1800) * DAY,
    });
  }
  return organisations;
}

function planUsers(organisations, handleFromName) {
  const random = rnd('users');
  const servicePoints = organisations.filter((o) => o.type === 'service_point');
  const partnerOrgs = organisations.filter((o) => o.type !== 'service_point' && o.index !== 0);
  const spWeights = new AliasTable(zipfWeights(servicePoints.length, 0.7));
  const partnerWeights = new AliasTable(zipfWeights(partnerOrgs.length, 0.5));
  const roles = [];
  for (let i = 0; i < PLAN.users; i++) {
    roles.push(
      i < PLAN.admins
        ? 'admin'
        : i < PLAN.admins + PLAN.coordinators
          ? 'coordinator'
          : i < PLAN.admins + PLAN.coordinators + PLAN.advisors
            ? 'advisor'
            : 'partner',
    );
  }
  const handles = new Map();
  const known = { admin: 'admin', coordinator: 'koordination', advisor: 'beratung', partner: 'partner' };
  const firstOfRole = new Set();
  let advisorNo = 0;
  let partnerNo = 0;
  const users = roles.map((role, i) => {
    let organisation;
    if (role === 'admin') organisation = organisations[0];
    else if (role === 'coordinator') organisation = random.chance(0.5) ? organisations[0] : servicePoints[spWeights.draw(random)];
    // every service point gets an advisor before the distribution takes over
    else if (role === 'advisor')
      organisation = advisorNo < servicePoints.length ? servicePoints[advisorNo++] : servicePoints[spWeights.draw(random)];
    else organisation = partnerNo < partnerOrgs.length ? partnerOrgs[partnerNo++] : partnerOrgs[partnerWeights.draw(random)];
    const displayName = `${random.pick(W.FIRST_NAMES)} ${random.pick(W.LAST_NAMES)}`;
    const base = handleFromName(displayName);
    const count = (handles.get(base) ?? 0) + 1;
    handles.set(base, count);
    const handle = count === 1 ? base : `${base}${count}`;
    const first = !firstOfRole.has(role);
    firstOfRole.add(role);
    const languages = ['Deutsch', ...random.sample(W.LANGUAGES.slice(1), random.range(0, 2))];
    const staff = role !== 'partner';
    return {
      id: random.uuid(),
      index: i,
      role,
      organisation,
      displayName,
      handle,
      email: first ? `${known[role]}@${MAIL_DOMAIN}` : `${handle}@${MAIL_DOMAIN}`,
      // the first person of each role is the benchmarks' login: always active
      status: !first && random.chance(0.01) ? 'disabled' : 'active',
      locale: random.chance(0.9) ? 'de' : 'en',
      reminderHours: random.chance(0.85) ? 24 : random.pick([1, 2, 48, 168]),
      languages,
      expertise: staff ? random.sample(W.EXPERTISE, random.range(0, 3)) : random.sample(W.EXPERTISE, random.range(0, 1)),
      phone: random.chance(0.4) ? `0${random.range(300, 399)} ${random.range(100000, 999999)}` : null,
      bio: random.chance(0.1) ? `Tätig bei ${organisation.name}.` : null,
      createdAt: EPOCH - random.range(1000, 1500) * DAY - random.range(0, DAY),
      lastLoginAt: random.chance(0.8) ? EPOCH - random.range(0, 90) * DAY - random.range(0, DAY) : null,
      // how much someone writes: a few people write most posts
      activity: (1 / Math.pow(1 + random.int(PLAN.users), 0.7)) * (staff ? 3 : 1),
    };
  });
  return users;
}

function planSpaces(users, organisations) {
  const random = rnd('spaces');
  const coordinators = users.filter((u) => u.role === 'coordinator');
  const staff = users.filter((u) => u.role !== 'partner');
  const admins = users.filter((u) => u.role === 'admin');
  const partnerOrgs = organisations.filter((o) => o.type !== 'service_point' && o.index !== 0);
  const usersByOrg = new Map();
  for (const u of users) usersByOrg.set(u.organisation.id, [...(usersByOrg.get(u.organisation.id) ?? []), u]);
  const visibilities = ['network', 'staff', 'private'];
  const spaces = [];
  const slugs = new Set();
  for (let i = 0; i < PLAN.spaces; i++) {
    const visibility = i === 0 ? 'network' : visibilities[i % 3];
    const topic = W.SPACE_TOPICS[i % W.SPACE_TOPICS.length];
    const name =
      i === 0
        ? 'Netzwerk-Forum'
        : visibility === 'network'
          ? `Forum ${topic}`
          : visibility === 'staff'
            ? `Fachgruppe ${topic}`
            : `AG ${topic}`;
    const base =
      name
        .toLowerCase()
        .replace(/ä/g, 'ae')
        .replace(/ö/g, 'oe')
        .replace(/ü/g, 'ue')
        .replace(/ß/g, 'ss')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'bereich';
    let slug = base;
    for (let k = 2; slugs.has(slug); k++) slug = `${base}-${k}`;
    slugs.add(slug);
    const creator = coordinators[random.int(coordinators.length)];
    const space = {
      id: random.uuid(),
      index: i,
      name: i === 0 || !spaces.some((s) => s.name === name) ? name : `${name} ${i}`,
      slug,
      description: `Austausch zum Thema ${topic}.`,
      visibility,
      retentionMonths: visibility === 'network' ? 12 : 60,
      createdBy: creator,
      createdAt: EPOCH - random.range(1000, 1400) * DAY,
      /** @type {Array<{id: string, user?: object, organisation?: object, role: string, createdAt: number}>} */
      members: [],
      pool: [],
    };
    const add = (subject, role) =>
      space.members.push({ id: random.uuid(), ...subject, role, createdAt: space.createdAt + random.range(0, 300) * DAY });
    if (visibility === 'private') {
      // the coordinator who runs it moderates; people and a few whole organisations are members
      add({ user: creator }, 'moderator');
      const people = random.sample(
        users.filter((u) => u !== creator),
        Math.min(users.length - 1, random.range(5, 40)),
      );
      for (const u of people) add({ user: u }, random.chance(0.05) ? 'moderator' : 'member');
      for (const o of random.sample(partnerOrgs, random.range(0, 3))) add({ organisation: o }, 'member');
      const pool = new Set([...admins, ...people, creator]);
      for (const m of space.members) if (m.organisation) for (const u of usersByOrg.get(m.organisation.id) ?? []) pool.add(u);
      space.pool = [...pool];
    } else {
      for (const u of random.sample(
        staff.filter((s) => s.role === 'advisor'),
        random.range(1, 2),
      ))
        add({ user: u }, 'moderator');
      space.pool = visibility === 'network' ? users : staff;
    }
    space.staffPool = space.pool.filter((u) => u.role !== 'partner');
    space.poolTable = new AliasTable(space.pool.map((u) => u.activity));
    space.staffTable = new AliasTable(space.staffPool.map((u) => u.activity));
    spaces.push(space);
  }
  return spaces;
}

// ── threads and their sizes ───────────────────────────────────────────────────────────────────

/** Thread sizes: one thread of exactly `big` posts, the rest Zipf-distributed (≥ 1 each, < big/2), summing to `total`. */
function threadSizes(random, count, total, big) {
  const rest = count - 1;
  const cap = Math.max(2, Math.floor(big / 2));
  const ranks = random.shuffle(Array.from({ length: rest }, (_, i) => i + 1));
  const weights = ranks.map((r) => 1 / Math.pow(r, 0.6));
  const sum = weights.reduce((a, b) => a + b, 0);
  const extra = total - big - rest;
  const sizes = weights.map((w) => Math.min(cap, 1 + Math.floor((extra * w) / sum)));
  let missing = total - big - sizes.reduce((a, b) => a + b, 0);
  if (missing > rest * cap) throw new Error('too many posts for the threads at this scale');
  for (let i = 0; missing > 0; i = (i + 1) % rest) {
    if (sizes[i] < cap) {
      sizes[i]++;
      missing--;
    }
  }
  return [big, ...sizes];
}

// ── files in the content-addressed store ──────────────────────────────────────────────────────

const CRC_TABLE = Array.from({ length: 256 }, (_, n0) => {
  let c = n0;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Real file contents of a few kinds (PDF, plain text, CSV, PNG), deterministic from the seed. */
function fileContent(random, text, kind, size) {
  if (kind === 'png') {
    const width = Math.max(8, Math.round(Math.sqrt(size / 3)));
    const rows = [];
    for (let y = 0; y < width; y++) {
      const row = Buffer.alloc(1 + width * 3);
      for (let x = 1; x < row.length; x++) row[x] = random.int(256);
      rows.push(row);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(width, 4);
    header.set([8, 2, 0, 0, 0], 8);
    // stored (level 0) deflate blocks: the same bytes with every zlib version
    const data = deflateSync(Buffer.concat(rows), { level: 0 });
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', data),
      pngChunk('IEND', Buffer.alloc(0)),
    ]);
  }
  let body = '';
  if (kind === 'csv') {
    body = 'Monat;Servicestelle;Thema;Anzahl\n';
    while (body.length < size)
      body += `2025-${String(random.range(1, 12)).padStart(2, '0')};Servicestelle ${random.range(1, 40)};${random.pick(W.NOUNS)};${random.range(0, 400)}\n`;
  } else {
    while (body.length < size) body += text.paragraphs(random, 80, 150, false).join('\n\n') + '\n\n';
  }
  if (kind !== 'pdf') return Buffer.from(body, 'utf8');
  const stream = `BT /F1 11 Tf 50 750 Td (${body.replace(/[^A-Za-z .,?]/g, ' ')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// ── indexes and foreign keys around the load ──────────────────────────────────────────────────

/** Tables the generator fills with COPY. */
const LOADED_TABLES = [
  'organisations',
  'users',
  'organisation_contacts',
  'spaces',
  'space_members',
  'space_subscriptions',
  'blobs',
  'folders',
  'documents',
  'document_versions',
  'threads',
  'posts',
  'thread_reads',
  'thread_subscriptions',
  'post_revisions',
  'post_mentions',
  'meetings',
  'meeting_rsvps',
  'consultations',
];

/**
 * The DDL of every foreign key of the schema (TRUNCATE needs them gone) and of the primary keys,
 * unique constraints and other indexes of the loaded tables: building them once after the load is
 * cheaper than maintaining them row by row (the full-text GIN index above all).
 */
async function schemaExtras(client) {
  const { rows: indexes } = await client.query(
    `SELECT c.relname AS name, t.relname AS table_name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace ns ON ns.oid = t.relnamespace
      WHERE ns.nspname = 'public' AND t.relname = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [LOADED_TABLES],
  );
  const constraint = (types) =>
    client.query(
      `SELECT k.conname AS name, t.relname AS table_name, pg_get_constraintdef(k.oid) AS def
         FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace
        WHERE ns.nspname = 'public' AND k.contype = ANY($1) AND ($2::text[] IS NULL OR t.relname = ANY($2))`,
      [types, types.includes('f') ? null : LOADED_TABLES],
    );
  const { rows: keys } = await constraint(['p', 'u']);
  const { rows: foreignKeys } = await constraint(['f']);
  // the big tables first: their builds are what takes time
  const weight = (table) => ['posts', 'thread_reads', 'thread_subscriptions', 'consultations', 'documents'].indexOf(table) >>> 0;
  indexes.sort((a, b) => weight(a.table_name) - weight(b.table_name));
  return { indexes, keys, foreignKeys };
}

// ── the data set marker ───────────────────────────────────────────────────────────────────────

const MARKER_TABLE = 'bench_dataset';

async function datasetState(client) {
  const { rows: marker } = await client.query(`SELECT to_regclass('${MARKER_TABLE}') IS NOT NULL AS present`);
  let complete = null;
  if (marker[0].present) {
    // (a marker of an older generator may lack columns: it then never matches)
    const { rows } = await client.query(`SELECT * FROM ${MARKER_TABLE} WHERE completed_at IS NOT NULL`);
    complete = rows[0]
      ? { scale: Number(rows[0].scale), seed: rows[0].seed, generator: rows[0].generator, manifest: rows[0].manifest }
      : null;
  }
  const { rows: data } = await client.query('SELECT EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM organisations) AS has_data');
  return { complete, hasData: data[0].has_data };
}

// ── main ──────────────────────────────────────────────────────────────────────────────────────

async function main() {
  const paths = largeDataPaths(SCALE);
  const db = await openLargeDatabase({ scale: SCALE, database: args.database });
  try {
    // a connection still open when the server stops must not mask the error that stopped it
    const connect = async () => {
      const c = new pg.Client({ connectionString: db.url });
      c.on('error', () => undefined);
      await c.connect();
      return c;
    };
    let client = await connect();
    const state = await datasetState(client);
    if (
      !args.force &&
      state.complete &&
      state.complete.scale === SCALE &&
      state.complete.seed === SEED &&
      state.complete.generator === GENERATOR_VERSION
    ) {
      const manifest = state.complete.manifest;
      const sample =
        manifest.sampleFile &&
        join(db.dataDir, 'files', manifest.sampleFile.slice(0, 2), manifest.sampleFile.slice(2, 4), manifest.sampleFile);
      if (sample && existsSync(sample)) {
        writeManifest(paths.manifest, { ...manifest, databaseUrl: db.url, dataDir: db.dataDir });
        log(
          `Data set at scale ${SCALE}, seed ${SEED} is complete in ${db.database}: reused (--force regenerates it). Manifest: ${paths.manifest}`,
        );
        await client.end();
        return;
      }
      log('The database is complete but its files are missing: regenerating.');
    }
    if (state.hasData || state.complete || args.force) {
      log(`Recreating database ${db.database} …`);
      await client.end();
      await db.recreate();
      client = await connect();
    }
    rmSync(db.dataDir, { recursive: true, force: true });
    const manifest = await generate(client, db);
    await client.end();
    writeManifest(paths.manifest, manifest);
    log(`Done in ${elapsed().toFixed(1)} s. Manifest: ${paths.manifest}`);
  } finally {
    await db.stop();
  }
}

function writeManifest(file, manifest) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
}

/** The product's own code the generator uses, from the built API. */
async function loadProduct() {
  const { hashPassword } = await import(join(API_DIST, 'modules/auth/password-hasher.js'));
  const { renderMarkdown } = await import(join(API_DIST, 'modules/forum/markdown.renderer.js'));
  const { handleFromName } = await import(join(API_DIST, 'modules/users/handle.js'));
  const { sniffContentType, SNIFF_BYTES } = await import(join(API_DIST, 'modules/documents/content-sniffer.js'));
  return { hashPassword, renderMarkdown, handleFromName, sniffContentType, SNIFF_BYTES };
}

/**
 * @typedef {object} Context
 * @property {string} url
 * @property {string} dataDir the API's DATA_DIR
 * @property {any[]} organisations
 * @property {any[]} users
 * @property {any[]} spaces
 * @property {any[]} staff
 * @property {TextGenerator} text
 * @property {Awaited<ReturnType<typeof loadProduct>>} product
 * @property {string} passwordHash
 */

async function generate(client, db) {
  log(
    `Generating data set at scale ${SCALE} (seed ${SEED}) into ${db.database}: ${fmt(PLAN.users)} people, ${fmt(PLAN.threads)} threads, ${fmt(PLAN.posts)} posts`,
  );
  const product = await loadProduct();
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${MARKER_TABLE} (id int PRIMARY KEY, scale numeric NOT NULL, seed int NOT NULL, generator text NOT NULL, manifest json, completed_at timestamptz)`,
  );
  await client.query(`INSERT INTO ${MARKER_TABLE} (id, scale, seed, generator) VALUES (1, $1, $2, $3)`, [SCALE, SEED, GENERATOR_VERSION]);

  const organisations = planOrganisations();
  const users = planUsers(organisations, product.handleFromName);
  /** @type {Context} */
  const ctx = {
    url: db.url,
    dataDir: db.dataDir,
    organisations,
    users,
    spaces: planSpaces(users, organisations),
    staff: users.filter((u) => u.role !== 'partner'),
    text: new TextGenerator(SEED),
    product,
    passwordHash: await product.hashPassword(PASSWORD),
  };
  const extras = await dropKeysAndIndexes(client);
  await loadPeople(ctx);
  const { files, folders, documents } = await loadDocuments(ctx);
  const meetings = planMeetings(ctx);
  const forum = await loadForum(ctx, meetings);
  await loadMeetings(ctx, meetings);
  await loadConsultations(ctx);
  await finishSchema(client, extras, forum.caseSequences);
  return describe(client, db, ctx, { files, folders, documents, meetings, forum });
}

/** The foreign keys, keys and indexes go while the tables fill; they come back from their own definitions. */
async function dropKeysAndIndexes(client) {
  const extras = await schemaExtras(client);
  if (args['keep-indexes']) {
    extras.keys = [];
    extras.indexes = [];
  }
  await client.query(
    [
      ...extras.foreignKeys.map((fk) => `ALTER TABLE "${fk.table_name}" DROP CONSTRAINT "${fk.name}"`),
      ...extras.keys.map((key) => `ALTER TABLE "${key.table_name}" DROP CONSTRAINT "${key.name}"`),
      ...extras.indexes.map((index) => `DROP INDEX "${index.name}"`),
    ].join(';\n'),
  );
  log(
    `Dropped ${extras.indexes.length} indexes, ${extras.keys.length} primary keys and unique constraints and ${extras.foreignKeys.length} foreign keys for the load`,
  );
  return extras;
}

/** Organisations, people, spaces, memberships and space subscriptions. @param {Context} ctx */
async function loadPeople({ url, organisations, users, spaces, passwordHash }) {
  await copyTable(
    url,
    'organisations',
    [
      'id',
      'name',
      'type',
      'description',
      'address',
      'city',
      'postcode',
      'website',
      'email',
      'phone',
      'fields_of_action',
      'target_groups',
      'created_at',
      'updated_at',
    ],
    organisations.map((o) => [
      o.id,
      o.name,
      o.type,
      o.description,
      o.address,
      o.city,
      o.postcode,
      o.website,
      o.email,
      o.phone,
      o.fieldsOfAction,
      o.targetGroups,
      iso(o.createdAt),
      iso(o.createdAt),
    ]),
  );
  await copyTable(
    url,
    'users',
    [
      'id',
      'email',
      'password_hash',
      'display_name',
      'handle',
      'role',
      'organisation_id',
      'status',
      'locale',
      'meeting_reminder_hours',
      'languages',
      'expertise',
      'phone',
      'bio',
      'last_login_at',
      'created_at',
      'updated_at',
    ],
    users.map((u) => [
      u.id,
      u.email,
      passwordHash,
      u.displayName,
      u.handle,
      u.role,
      u.organisation.id,
      u.status,
      u.locale,
      u.reminderHours,
      u.languages,
      u.expertise,
      u.phone,
      u.bio,
      u.lastLoginAt && iso(u.lastLoginAt),
      iso(u.createdAt),
      iso(u.createdAt),
    ]),
  );
  const contacts = [];
  const seenOrg = new Set();
  for (const u of users) {
    if (!seenOrg.has(u.organisation.id)) {
      seenOrg.add(u.organisation.id);
      contacts.push([u.organisation.id, u.id]);
    }
  }
  await copyTable(url, 'organisation_contacts', ['organisation_id', 'user_id'], contacts);
  await copyTable(
    url,
    'spaces',
    ['id', 'name', 'slug', 'description', 'visibility', 'case_retention_months', 'created_by_id', 'created_at', 'updated_at'],
    spaces.map((s) => [
      s.id,
      s.name,
      s.slug,
      s.description,
      s.visibility,
      s.retentionMonths,
      s.createdBy.id,
      iso(s.createdAt),
      iso(s.createdAt),
    ]),
  );
  await copyTable(
    url,
    'space_members',
    ['id', 'space_id', 'user_id', 'organisation_id', 'role', 'created_at'],
    spaces.flatMap((s) => s.members.map((m) => [m.id, s.id, m.user?.id ?? null, m.organisation?.id ?? null, m.role, iso(m.createdAt)])),
  );
  {
    const random = rnd('space-subscriptions');
    const rows = [];
    const visibleSpaces = (u) =>
      spaces.filter(
        (s) =>
          s.visibility === 'network' ||
          (s.visibility === 'staff' && u.role !== 'partner') ||
          (s.visibility === 'private' && s.pool.includes(u)),
      );
    for (const u of users) {
      if (!random.chance(0.12)) continue;
      const choice = random.sample(visibleSpaces(u), random.range(1, 3));
      choice.forEach((s, i) => rows.push([u.id, s.id, i === 2 ? 'muted' : 'watching', iso(EPOCH - random.range(1, 700) * DAY)]));
    }
    await copyTable(url, 'space_subscriptions', ['user_id', 'space_id', 'level', 'updated_at'], rows);
  }
}

/** Real files in the store, their blobs, folders, documents and versions. @param {Context} ctx */
async function loadDocuments({ url, dataDir, spaces, text, product }) {
  const { sniffContentType, SNIFF_BYTES } = product;
  const files = [];
  {
    const random = rnd('files');
    const filesDir = join(dataDir, 'files');
    const kinds = [
      ['pdf', 40],
      ['txt', 25],
      ['csv', 20],
      ['png', 15],
    ];
    const seen = new Set();
    for (let i = 0; i < PLAN.files; i++) {
      const kind = weighted(random, kinds);
      const size = Math.round(2048 * Math.exp(random.next() * 6.2));
      const bytes = fileContent(random, text, kind, size);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (seen.has(sha256)) continue;
      seen.add(sha256);
      const sniffed = await sniffContentType(bytes.subarray(0, SNIFF_BYTES), bytes.length);
      if (sniffed.denied) throw new Error(`generated ${kind} file is refused by the product: ${sniffed.denied}`);
      const target = join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
      mkdirSync(dirname(target), { recursive: true });
      if (!existsSync(target) || statSync(target).size !== bytes.length) writeFileSync(target, bytes, { mode: 0o600 });
      files.push({
        sha256,
        size: bytes.length,
        contentType: sniffed.contentType,
        extension: kind,
        createdAt: EPOCH - random.range(30, 1000) * DAY,
      });
    }
    chmodSync(dataDir, 0o755);
    log(
      `files                  ${fmt(files.length).padStart(10)} real files, ${(files.reduce((a, f) => a + f.size, 0) / 2 ** 20).toFixed(1)} MiB in ${filesDir}`,
    );
    await copyTable(
      url,
      'blobs',
      ['sha256', 'size', 'content_type', 'created_at'],
      files.map((f) => [f.sha256, f.size, f.contentType, iso(f.createdAt)]),
    );
  }
  const folders = [];
  const documents = [];
  {
    const random = rnd('documents');
    const spaceTable = new AliasTable(zipfWeights(spaces.length, 0.8));
    const perSpace = new Array(spaces.length).fill(0);
    for (let i = 0; i < PLAN.documents; i++) perSpace[spaceTable.draw(random)]++;
    const versionRows = [];
    for (const space of spaces) {
      const count = perSpace[space.index];
      const folderCount = Math.max(2, Math.ceil(count / 20));
      const mine = [];
      for (let f = 0; f < folderCount; f++) {
        const top = f < Math.min(8, folderCount) || mine.length === 0;
        const parent = top ? null : mine[random.int(Math.min(8, mine.length))];
        const base = top ? W.FOLDER_NAMES[f % W.FOLDER_NAMES.length] : `${random.pick(W.FOLDER_NAMES)} ${2019 + random.int(8)}`;
        let name = base;
        for (let k = 2; mine.some((o) => o.parent === parent && o.name === name); k++) name = `${base} ${k}`;
        const createdAt = space.createdAt + random.range(1, 200) * DAY;
        const folder = {
          id: random.uuid(),
          space,
          parent,
          name,
          createdBy: space.staffPool[space.staffTable.draw(random)] ?? space.createdBy,
          createdAt,
        };
        mine.push(folder);
        folders.push(folder);
      }
      for (let d = 0; d < count; d++) {
        const folder = mine[random.int(mine.length)];
        const versions = random.chance(0.9) ? 1 : random.chance(0.8) ? 2 : 3;
        let at = Math.max(folder.createdAt, EPOCH - 1000 * DAY) + random.range(1, 400) * DAY + random.int(DAY);
        const kind = random.pick(files);
        const name = `${random.pick(W.DOCUMENT_KINDS)}_${random.pick(W.SPACE_TOPICS).replace(/ /g, '-')}_${dateOnly(at)}.${kind.extension}`;
        const document = {
          id: random.uuid(),
          space,
          folder,
          name,
          createdBy: space.pool[space.poolTable.draw(random)],
          createdAt: at,
          versions,
          file: kind,
        };
        for (let v = 1; v <= versions; v++) {
          const file =
            v === 1
              ? kind
              : files.filter((f) => f.extension === kind.extension)[random.int(files.filter((f) => f.extension === kind.extension).length)];
          const uploader = v === 1 ? document.createdBy : space.pool[space.poolTable.draw(random)];
          versionRows.push([random.uuid(), document.id, v, file.sha256, file.size, file.contentType, name, uploader.id, null, iso(at)]);
          document.updatedAt = at;
          document.file = file;
          at += random.range(1, 60) * DAY;
        }
        documents.push(document);
      }
    }
    await copyTable(
      url,
      'folders',
      ['id', 'space_id', 'parent_id', 'name', 'created_by_id', 'created_at', 'updated_at'],
      folders.map((f) => [f.id, f.space.id, f.parent?.id ?? null, f.name, f.createdBy.id, iso(f.createdAt), iso(f.createdAt)]),
    );
    await copyTable(
      url,
      'documents',
      ['id', 'space_id', 'folder_id', 'name', 'current_version', 'created_by_id', 'created_at', 'updated_at'],
      documents.map((d) => [d.id, d.space.id, d.folder.id, d.name, d.versions, d.createdBy.id, iso(d.createdAt), iso(d.updatedAt)]),
    );
    await copyTable(
      url,
      'document_versions',
      [
        'id',
        'document_id',
        'version',
        'blob_sha256',
        'size',
        'content_type',
        'original_name',
        'uploaded_by_id',
        'restored_from',
        'created_at',
      ],
      versionRows,
    );
  }
  return { files, folders, documents };
}

/** Meetings, planned before the forum: those in a space open an announcement thread. @param {Context} ctx */
function planMeetings({ users, spaces, text, product }) {
  const { renderMarkdown } = product;
  const meetings = [];
  {
    const random = rnd('meetings');
    const spaceTable = new AliasTable(zipfWeights(spaces.length, 0.6));
    const formats = ['network_meeting', 'project_management', 'annual_closed_meeting', 'expert_conference', 'workshop', 'other'];
    const coordinators = users.filter((u) => u.role === 'coordinator');
    for (let i = 0; i < PLAN.meetings; i++) {
      const space = random.chance(0.7) ? spaces[spaceTable.draw(random)] : null;
      const creator = space?.visibility === 'private' ? space.createdBy : random.pick(coordinators);
      const day = EPOCH - 730 * DAY + random.int(910) * DAY;
      const startsAt = day + (7 + random.int(8)) * HOUR + (random.chance(0.5) ? 30 * 60_000 : 0);
      const endsAt = startsAt + random.range(2, 8) * 30 * 60_000;
      const createdAt = Math.min(startsAt - random.range(7, 60) * DAY, EPOCH - random.range(1, 5) * DAY);
      const cancelled = random.chance(0.03);
      const [city] = random.pick(W.CITIES);
      const location = random.chance(0.6) ? `${city}, ${random.pick(W.STREETS)} ${random.range(1, 80)}` : null;
      const onlineUrl = !location || random.chance(0.3) ? `https://meet.${MAIL_DOMAIN}/raum-${random.range(100, 999)}` : null;
      const description = random.chance(0.8) ? markdownOf(text.paragraphs(random, 15, 45, false)) : '';
      const meeting = {
        id: random.uuid(),
        space,
        creator,
        title: `${random.pick(W.MEETING_TITLES)} ${dateOnly(startsAt).slice(0, 7)}`,
        format: random.pick(formats),
        description,
        descriptionHtml: renderMarkdown(description),
        startsAt,
        endsAt,
        location,
        onlineUrl,
        capacity: random.chance(0.5) ? random.range(10, 80) : null,
        status: cancelled ? 'cancelled' : 'scheduled',
        cancelledAt: cancelled ? createdAt + random.range(1, 5) * DAY : null,
        createdAt,
        threadId: null,
      };
      meetings.push(meeting);
    }
  }
  return meetings;
}

/** Threads, posts, read markers, subscriptions, revisions and mentions in one pass. @param {Context} ctx */
async function loadForum({ url, users, spaces, staff, text, product }, meetings) {
  const { renderMarkdown } = product;
  const meetingThreads = meetings.filter((m) => m.space);
  const discussionCount = PLAN.threads - meetingThreads.length;
  if (discussionCount < 10) throw new Error('scale too small for the meetings it has');
  const random = rnd('forum');
  const sizes = threadSizes(random, discussionCount, PLAN.posts - meetingThreads.length, PLAN.bigThreadPosts);
  const bigSpace = spaces[0];
  const otherSpaces = new AliasTable(zipfWeights(spaces.length - 1, 0.8));
  /** @type {Array<{id: string, space: any, kind: string, size: number, firstAt: number, meeting?: any, pinned: boolean, locked: boolean, code?: string}>} */
  const threads = sizes.map((size, i) => {
    const space = i === 0 || random.chance(0.24) ? bigSpace : spaces[1 + otherSpaces.draw(random)];
    const kind = space.visibility !== 'network' && random.chance(0.25) ? 'case' : 'discussion';
    // case threads are younger (their retention runs from the last post)
    const firstAt =
      i === 0 ? EPOCH - 700 * DAY : EPOCH - random.range(kind === 'case' ? 2 : 2, kind === 'case' ? 700 : 1100) * DAY - random.int(DAY);
    return { id: random.uuid(), space, kind, size, firstAt, pinned: false, locked: i !== 0 && random.chance(0.01) };
  });
  for (const m of meetingThreads) {
    const thread = {
      id: random.uuid(),
      space: m.space,
      kind: 'announcement',
      size: 1,
      firstAt: m.createdAt,
      meeting: m,
      pinned: false,
      locked: false,
    };
    m.threadId = thread.id;
    threads.push(thread);
  }
  random.shuffle(threads);
  // a couple of pinned threads per space
  const pinnedPerSpace = new Map();
  for (const t of threads) {
    const pinned = pinnedPerSpace.get(t.space) ?? 0;
    if (t.kind !== 'case' && pinned < 2 && random.chance(0.2)) {
      t.pinned = true;
      pinnedPerSpace.set(t.space, pinned + 1);
    }
  }
  // pseudonym codes: F-<year>-<nnnn>, numbered per year in order of creation
  const caseSequences = new Map();
  for (const t of [...threads].filter((x) => x.kind === 'case').sort((a, b) => a.firstAt - b.firstAt)) {
    const year = new Date(t.firstAt).getUTCFullYear();
    const next = (caseSequences.get(year) ?? 0) + 1;
    caseSequences.set(year, next);
    t.code = `F-${year}-${String(next).padStart(4, '0')}`;
  }
  const bigThread = threads.find((t) => t.size === PLAN.bigThreadPosts && t.space === bigSpace && t.kind === 'discussion');
  const bigSpaceThreads = threads.filter((t) => t.space === bigSpace);
  const replyThread =
    bigSpaceThreads.find((t) => t.kind === 'discussion' && !t.locked && t.size >= 10 && t.size <= 40) ??
    bigSpaceThreads.find((t) => t.kind === 'discussion' && !t.locked && t.size >= 2 && t.size <= 40);
  const typicalThreads = bigSpaceThreads
    .filter((t) => t.kind === 'discussion' && t.size >= 20 && t.size <= 200 && t !== bigThread)
    .slice(0, 20);
  const activeUsers = users.filter(isActive);
  const mentionable = staff.filter(isActive);
  if (activeUsers.length < 51) throw new Error('scale too small: fewer than 51 active people for the reply thread');

  const W_THREADS = await new CopyWriter(url, 'threads', [
    'id',
    'space_id',
    'kind',
    'title',
    'author_id',
    'pseudonym_code',
    'pinned',
    'locked',
    'last_seq',
    'post_count',
    'last_post_at',
    'created_at',
    'updated_at',
  ]).open();
  const W_POSTS = await new CopyWriter(url, 'posts', [
    'id',
    'thread_id',
    'seq',
    'author_id',
    'body',
    'body_html',
    'reply_to_post_id',
    'revision_count',
    'edited_at',
    'deleted_at',
    'deleted_by_id',
    'created_at',
    'updated_at',
  ]).open();
  const W_READS = await new CopyWriter(url, 'thread_reads', ['user_id', 'thread_id', 'last_read_seq', 'updated_at']).open();
  const W_SUBS = await new CopyWriter(url, 'thread_subscriptions', ['user_id', 'thread_id', 'level', 'updated_at']).open();
  const W_REVISIONS = await new CopyWriter(url, 'post_revisions', [
    'id',
    'post_id',
    'revision',
    'body',
    'edited_by_id',
    'created_at',
  ]).open();
  const W_MENTIONS = await new CopyWriter(url, 'post_mentions', ['post_id', 'user_id']).open();
  const writers = [W_THREADS, W_POSTS, W_READS, W_SUBS, W_REVISIONS, W_MENTIONS];
  const write = async (writer, row) => {
    const wait = writer.row(row);
    if (wait) await wait;
  };

  const verifySample = 500;
  let verified = 0;
  let postNo = 0;
  let nextReport = 0.1;
  const replyWatchers = [];
  const forumStarted = process.hrtime.bigint();
  const forumCpu = process.cpuUsage();
  for (const thread of threads) {
    const { space, size } = thread;
    const casey = thread.kind === 'case';
    const pool = casey ? space.staffPool : space.pool;
    const table = casey ? space.staffTable : space.poolTable;
    const meeting = thread.meeting;
    const author = meeting ? meeting.creator : pool[table.draw(random)];
    // the people who write in this thread
    const participants = [author];
    const participantCount = Math.min(pool.length, 1 + Math.round(2 + 2 * Math.sqrt(size - 1)));
    for (let k = 1; k < participantCount && size > 1; k++) participants.push(pool[table.draw(random)]);
    // times: increasing, the last one before the epoch
    const span = EPOCH - thread.firstAt;
    const times = [thread.firstAt];
    if (size > 1) {
      const gaps = [];
      let sum = 0;
      for (let k = 1; k < size; k++) {
        const gap = random.exp(Math.min(3 * DAY, span / size));
        gaps.push(gap);
        sum += gap;
      }
      const squeeze = sum > span * 0.98 ? (span * 0.98) / sum : 1;
      let at = thread.firstAt;
      for (const gap of gaps) {
        at = Math.max(at + 1000, Math.floor(at + gap * squeeze));
        times.push(at);
      }
    }
    const postIds = [];
    /** @type {Map<any, number>} last seq each person wrote */
    const wrote = new Map();
    let live = 0;
    for (let seq = 1; seq <= size; seq++) {
      const id = random.uuid();
      postIds.push(id);
      const createdAt = times[seq - 1];
      const writer = seq === 1 ? author : participants[random.int(participants.length)];
      wrote.set(writer, seq);
      let body;
      let html;
      if (meeting) {
        const lines = [`**Termin:** ${WHEN.format(new Date(meeting.startsAt))} Uhr`];
        if (meeting.location) lines.push(`**Ort:** ${meeting.location}`);
        if (meeting.onlineUrl) lines.push(`**Online:** ${meeting.onlineUrl}`);
        lines.push(`[Zum Termin](${WebPaths.meeting(meeting.id)})`);
        body = meeting.description ? `${lines.join('  \n')}\n\n${meeting.description}` : lines.join('  \n');
        html = renderMarkdown(body);
      } else {
        const paragraphs = text.paragraphs(random, 80, 150);
        const mention =
          !casey && space.visibility !== 'private' && seq > 1 && random.chance(0.01) ? mentionable[random.int(mentionable.length)] : null;
        if (mention) {
          paragraphs[0] = `@${mention.handle} ${paragraphs[0]}`;
          body = markdownOf(paragraphs);
          html = renderMarkdown(body, [{ handle: mention.handle, userId: mention.id }]);
          await write(W_MENTIONS, [id, mention.id]);
        } else {
          body = markdownOf(paragraphs);
          html = htmlOf(paragraphs);
          if (verified < verifySample) {
            verified++;
            const rendered = renderMarkdown(body);
            if (rendered !== html) throw new Error(`generated HTML differs from the product's renderer:\n${html}\n---\n${rendered}`);
          }
        }
      }
      const replyTo = seq > 2 && random.chance(0.15) ? postIds[random.int(seq - 1)] : null;
      const deleted = seq > 1 && !meeting && random.chance(0.004);
      const edits = !meeting && !deleted && random.chance(0.003) ? random.range(1, 3) : 0;
      let editedAt = null;
      if (edits > 0) {
        // each revision keeps the body before an edit; the post shows the last one
        let at = createdAt;
        const bodies = [];
        for (let e = 0; e < edits; e++) bodies.push(markdownOf(text.paragraphs(random, 80, 150, false)));
        bodies.push(body);
        for (let e = 1; e <= edits; e++) {
          at = Math.min(EPOCH - 1000, at + random.range(60, 3 * 24 * 60) * 60_000);
          await write(W_REVISIONS, [random.uuid(), id, e, bodies[e - 1], writer.id, iso(at)]);
        }
        editedAt = at;
      }
      const deletedAt = deleted ? Math.min(EPOCH - 1000, createdAt + random.range(10, 10_000) * 60_000) : null;
      if (!deleted) live++;
      await write(W_POSTS, [
        id,
        thread.id,
        seq,
        writer.id,
        body,
        html,
        replyTo,
        edits,
        editedAt && iso(editedAt),
        deletedAt && iso(deletedAt),
        deleted ? writer.id : null,
        iso(createdAt),
        iso(deletedAt ?? editedAt ?? createdAt),
      ]);
      postNo++;
    }
    const lastAt = times[times.length - 1];
    const title = meeting ? meeting.title : text.title(random);
    await write(W_THREADS, [
      thread.id,
      space.id,
      thread.kind,
      title,
      author.id,
      thread.code ?? null,
      thread.pinned,
      thread.locked,
      size,
      live,
      iso(lastAt),
      iso(thread.firstAt),
      iso(lastAt),
    ]);
    thread.lastAt = lastAt;
    thread.live = live;
    thread.authorId = author.id;

    // who writes watches (unless they chose otherwise) and has read up to their post at least
    const reads = new Map();
    const subs = new Map();
    for (const [person, seq] of wrote) {
      reads.set(person, random.chance(0.6) ? size : seq);
      subs.set(person, 'watching');
    }
    if (thread === replyThread) {
      const others = random.shuffle(activeUsers.filter((u) => !subs.has(u) && space.pool.includes(u)));
      for (const u of others) {
        if (subs.size >= 50) break;
        subs.set(u, 'watching');
      }
      for (const [u] of subs) replyWatchers.push(u.id);
    } else {
      const readers = Math.min(pool.length, Math.round(random.exp(3 + Math.min(size, 200) / 4)));
      for (let k = 0; k < readers; k++) {
        const reader = space.pool[space.poolTable.draw(random)];
        if (casey && reader.role === 'partner') continue;
        if (!reads.has(reader)) reads.set(reader, random.chance(0.7) ? size : random.range(1, size));
      }
      const extra = random.int(4);
      for (let k = 0; k < extra; k++) {
        const person = space.pool[space.poolTable.draw(random)];
        if (!subs.has(person) && !(casey && person.role === 'partner'))
          subs.set(person, random.chance(0.6) ? 'watching' : random.chance(0.5) ? 'muted' : 'normal');
      }
    }
    for (const [person, seq] of reads)
      await write(W_READS, [person.id, thread.id, seq, iso(Math.min(EPOCH, times[seq - 1] + random.range(1, 600) * 60_000))]);
    for (const [person, level] of subs)
      await write(W_SUBS, [person.id, thread.id, level, iso(Math.min(EPOCH, thread.firstAt + random.range(0, 60) * 60_000))]);
    if (postNo / PLAN.posts >= nextReport) {
      const seconds = elapsed(forumStarted);
      log(`posts                  ${fmt(postNo).padStart(10)} of ${fmt(PLAN.posts)} (${fmt(postNo / seconds)} posts/s)`);
      nextReport += 0.1;
    }
  }
  const forumCounts = {};
  for (const w of writers) forumCounts[w.table] = await w.close();
  log(
    `forum                  ${fmt(postNo).padStart(10)} posts in ${elapsed(forumStarted).toFixed(1)} s (${(Object.values(process.cpuUsage(forumCpu)).reduce((a, b) => a + b) / 1e6).toFixed(1)} s CPU here); HTML of ${fmt(verified)} posts checked against the product's renderer`,
  );
  return { bigSpace, bigSpaceThreads, bigThread, replyThread, replyWatchers, typicalThreads, caseSequences, forumCounts };
}

/** @param {Context} ctx */
async function loadMeetings({ url, staff }, meetings) {
  await copyTable(
    url,
    'meetings',
    [
      'id',
      'space_id',
      'title',
      'format',
      'description',
      'description_html',
      'starts_at',
      'ends_at',
      'location',
      'online_url',
      'capacity',
      'status',
      'cancelled_at',
      'sequence',
      'discussion_thread_id',
      'created_by_id',
      'created_at',
      'updated_at',
    ],
    meetings.map((m) => [
      m.id,
      m.space?.id ?? null,
      m.title,
      m.format,
      m.description,
      m.descriptionHtml,
      iso(m.startsAt),
      iso(m.endsAt),
      m.location,
      m.onlineUrl,
      m.capacity,
      m.status,
      m.cancelledAt && iso(m.cancelledAt),
      m.cancelledAt ? 1 : 0,
      m.threadId,
      m.creator.id,
      iso(m.createdAt),
      iso(m.cancelledAt ?? m.createdAt),
    ]),
  );
  {
    const random2 = rnd('rsvps');
    const rows = [];
    for (const m of meetings) {
      const pool = m.space ? m.space.pool : staff;
      const answers = random2.sample(pool.filter(isActive), Math.min(pool.length, Math.round(random2.exp(12))));
      let going = 0;
      const lastAnswer = Math.min(m.startsAt, EPOCH) - HOUR;
      for (const person of answers) {
        const respondedAt = m.createdAt + random2.int(Math.max(1, lastAnswer - m.createdAt));
        let status = weighted(random2, [
          ['going', 55],
          ['maybe', 15],
          ['declined', 20],
        ]);
        if (status === 'going') {
          if (m.capacity !== null && going >= m.capacity) status = 'waitlisted';
          else going++;
        }
        const remindAt = m.startsAt - person.reminderHours * HOUR;
        const reminded =
          m.status === 'scheduled' && m.startsAt <= EPOCH && (status === 'going' || status === 'maybe')
            ? Math.max(remindAt, respondedAt) + random2.int(5 * 60_000)
            : null;
        rows.push([
          m.id,
          person.id,
          status,
          status === 'waitlisted' ? iso(respondedAt) : null,
          iso(respondedAt),
          reminded && iso(Math.min(reminded, m.startsAt - 1000)),
        ]);
      }
    }
    // answers in the order the product takes them (waiting list by time)
    await copyTable(url, 'meeting_rsvps', ['meeting_id', 'user_id', 'status', 'waitlisted_at', 'responded_at', 'reminded_at'], rows);
  }
}

/** @param {Context} ctx */
async function loadConsultations({ url, users, organisations }) {
  {
    const random3 = rnd('consultations');
    const servicePoints = organisations.filter((o) => o.type === 'service_point');
    const advisorsBySp = new Map(servicePoints.map((o) => [o.id, users.filter((u) => u.role === 'advisor' && u.organisation === o)]));
    const spTable = new AliasTable(zipfWeights(servicePoints.length, 0.8));
    const topics = [
      ['recognition', 45],
      ['labour_rights', 20],
      ['job_search', 15],
      ['qualification', 15],
      ['other', 5],
    ];
    const channels = [
      ['in_person', 55],
      ['phone', 25],
      ['video', 12],
      ['email', 8],
    ];
    const outcomes = [
      ['advice_given', 60],
      ['referred', 15],
      ['application_submitted', 15],
      ['other', 5],
      [null, 5],
    ];
    const languages = CONSULTATION_LANGUAGES;
    const languageTable = new AliasTable(zipfWeights(languages.length, 1.1));
    const countries = COUNTRY_CODES;
    const countryTable = new AliasTable(zipfWeights(countries.length, 1.2));
    const countryOrder = random3.shuffle([...countries]);
    const occupations = OCCUPATION_GROUPS;
    function* rows() {
      for (let i = 0; i < PLAN.consultations; i++) {
        const sp = servicePoints[spTable.draw(random3)];
        const advisors = advisorsBySp.get(sp.id);
        const author = advisors.length > 0 && random3.chance(0.98) ? advisors[random3.int(advisors.length)] : null;
        const day = EPOCH - (1 + random3.int(1095)) * DAY;
        const outcome = weighted(random3, outcomes);
        const createdAt = day + (7 + random3.int(9)) * HOUR + random3.int(HOUR);
        yield [
          random3.uuid(),
          dateOnly(day),
          sp.id,
          author?.id ?? null,
          weighted(random3, topics),
          weighted(random3, channels),
          random3.chance(0.9) ? languages[languageTable.draw(random3)] : null,
          random3.chance(0.7) ? countryOrder[countryTable.draw(random3)] : null,
          random3.chance(0.6) ? random3.pick(occupations) : null,
          outcome,
          outcome === 'referred' && random3.chance(0.6) ? organisations[random3.int(organisations.length)].id : null,
          null,
          iso(createdAt),
          iso(createdAt),
        ];
      }
    }
    await copyTable(
      url,
      'consultations',
      [
        'id',
        'date',
        'service_point_id',
        'author_id',
        'topic',
        'channel',
        'language',
        'country_of_qualification',
        'occupation_group',
        'outcome',
        'referred_to_organisation_id',
        'note',
        'created_at',
        'updated_at',
      ],
      rows(),
    );
  }
}

/** Values the product keeps in other rows, then the keys and indexes back, then statistics. */
async function finishSchema(client, extras, caseSequences) {
  await client.query(
    `UPDATE threads t SET retention_until = t.last_post_at + make_interval(months => s.case_retention_months)
       FROM spaces s WHERE s.id = t.space_id AND t.kind = 'case'`,
  );
  for (const [year, last] of caseSequences)
    await client.query('INSERT INTO case_sequences (year, last_value) VALUES ($1, $2)', [year, last]);

  // ── indexes and foreign keys back, statistics ──
  await client.query("SET maintenance_work_mem = '1GB'");
  await client.query('SET max_parallel_maintenance_workers = 2');
  const indexStarted = process.hrtime.bigint();
  const timed = async (label, sql) => {
    const t = process.hrtime.bigint();
    await client.query(sql);
    if (elapsed(t) > 1) log(`${label} in ${elapsed(t).toFixed(1)} s`);
  };
  // the posts' keys and indexes one by one (their times are worth printing), the rest in one round trip
  const onPosts = (x) => x.table_name === 'posts';
  const addKey = (key) => `ALTER TABLE "${key.table_name}" ADD CONSTRAINT "${key.name}" ${key.def}`;
  for (const key of extras.keys.filter(onPosts)) await timed(`key ${key.name}`, addKey(key));
  for (const index of extras.indexes.filter(onPosts)) await timed(`index ${index.name}`, index.def);
  const rest = [...extras.keys.filter((k) => !onPosts(k)).map(addKey), ...extras.indexes.filter((i) => !onPosts(i)).map((i) => i.def)];
  if (rest.length > 0) await timed('the other keys and indexes', rest.join(';\n'));
  log(`recreated ${extras.keys.length} keys and ${extras.indexes.length} indexes in ${elapsed(indexStarted).toFixed(1)} s`);
  const fkStarted = process.hrtime.bigint();
  await client.query(extras.foreignKeys.map((fk) => `ALTER TABLE "${fk.table_name}" ADD CONSTRAINT "${fk.name}" ${fk.def}`).join(';\n'));
  log(`recreated and validated ${extras.foreignKeys.length} foreign keys in ${elapsed(fkStarted).toFixed(1)} s`);
  const analyzeStarted = process.hrtime.bigint();
  await client.query('VACUUM (ANALYZE) threads');
  await client.query('ANALYZE');
  log(`ANALYZE in ${elapsed(analyzeStarted).toFixed(1)} s`);
}

/** Search terms, counts and the manifest; marks the data set complete. @param {Context} ctx */
async function describe(client, db, { organisations, users, spaces, text }, { files, folders, documents, meetings, forum }) {
  const { bigSpace, bigSpaceThreads, bigThread, replyThread, replyWatchers, typicalThreads, forumCounts } = forum;
  const searchTerms = chooseSearchTerms(text);
  const searchTermPostCounts = {};
  // through the GIN index on the stored search_vector with an exact bitmap (a lossy bitmap would
  // recheck every post of a common word)
  await client.query("SET work_mem = '1GB'; SET enable_seqscan = off");
  for (const term of [...searchTerms.rare, ...searchTerms.medium, ...searchTerms.common]) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM posts WHERE deleted_at IS NULL AND search_vector @@ websearch_to_tsquery('german', $1)`,
      [term],
    );
    searchTermPostCounts[term] = rows[0].n;
  }

  const counts = {};
  for (const table of [
    'users',
    'organisations',
    'spaces',
    'threads',
    'posts',
    'thread_reads',
    'thread_subscriptions',
    'post_revisions',
    'folders',
    'documents',
    'document_versions',
    'meetings',
    'meeting_rsvps',
    'consultations',
  ]) {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = rows[0].n;
  }
  const visibleToAdvisor = (m) => !m.space || m.space.visibility !== 'private';
  const manifest = {
    scale: SCALE,
    seed: SEED,
    generator: GENERATOR_VERSION,
    databaseUrl: db.url,
    database: db.database,
    dataDir: db.dataDir,
    password: PASSWORD,
    epoch: iso(EPOCH),
    users: Object.fromEntries(
      ['admin', 'coordinator', 'advisor', 'partner'].map((role) => [role, users.find((u) => u.role === role).email]),
    ),
    userIds: Object.fromEntries(
      ['admin', 'coordinator', 'advisor', 'partner'].map((role) => [role, users.find((u) => u.role === role).id]),
    ),
    bigSpaceId: bigSpace.id,
    bigSpaceThreadCount: bigSpaceThreads.length,
    bigThreadId: bigThread.id,
    bigThreadPostCount: bigThread.size,
    typicalThreadIds: typicalThreads.map((t) => t.id),
    replyThreadId: replyThread.id,
    replyWatcherIds: replyWatchers,
    searchTerms,
    searchTermPostCounts,
    spaceIds: spaces.map((s) => s.id),
    folderIds: folders
      .filter((f) => f.space === bigSpace)
      .slice(0, 100)
      .map((f) => f.id),
    documentIds: documents
      .filter((d) => d.space === bigSpace)
      .slice(0, 100)
      .map((d) => d.id),
    sampleFile: documents[0].file.sha256,
    meetingIds: meetings
      .filter(visibleToAdvisor)
      .slice(0, 100)
      .map((m) => m.id),
    organisationIds: organisations.slice(0, 100).map((o) => o.id),
    counts: {
      users: counts.users,
      organisations: counts.organisations,
      spaces: counts.spaces,
      threads: counts.threads,
      posts: counts.posts,
      documents: counts.documents,
      meetings: counts.meetings,
      consultations: counts.consultations,
      threadReads: counts.thread_reads,
      threadSubscriptions: counts.thread_subscriptions,
      postRevisions: counts.post_revisions,
      folders: counts.folders,
      documentVersions: counts.document_versions,
      meetingRsvps: counts.meeting_rsvps,
      files: files.length,
    },
    generatedInSeconds: Math.round(elapsed() * 10) / 10,
  };
  await client.query(`UPDATE ${MARKER_TABLE} SET manifest = $1, completed_at = now() WHERE id = 1`, [manifest]);
  for (const [table, rows] of Object.entries(forumCounts))
    if (rows !== counts[table] && counts[table] !== undefined) throw new Error(`${table}: wrote ${rows}, found ${counts[table]}`);
  return manifest;
}

/**
 * Rare (in ~1–50 per million posts), medium (~0.1–0.5 %) and common (≥ 5 %) content words,
 * by the document frequency counted while generating.
 */
function chooseSearchTerms(text) {
  const posts = text.documentNo;
  const words = text.vocabulary
    .map((word, i) => ({ word, df: text.documentFrequency[i] }))
    .filter((w) => w.df > 0 && /^[A-ZÄÖÜ]/.test(w.word));
  const pick = (lo, hi) => {
    const inRange = words.filter((w) => w.df >= lo && w.df <= hi).sort((a, b) => a.df - b.df || (a.word < b.word ? -1 : 1));
    const chosen = [];
    for (let i = 0; i < 10 && inRange.length > 0; i++) chosen.push(inRange[Math.floor((i * inRange.length) / 10)].word);
    return [...new Set(chosen)];
  };
  const rare = pick(1, Math.max(3, posts * 5e-5));
  const medium = pick(Math.max(4, posts * 1e-3), Math.max(20, posts * 5e-3));
  const common = words
    .filter((w) => w.df >= posts * 0.05)
    .sort((a, b) => b.df - a.df)
    .slice(0, 10)
    .map((w) => w.word);
  return { rare, medium, common };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
