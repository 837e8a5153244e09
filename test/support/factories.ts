import { randomBytes, randomUUID } from 'node:crypto';
import type { OrganisationType, Role } from '@treffpunkt/contracts';
import { hashPassword } from '../../apps/api/src/modules/auth/password-hasher.js';
import type { TestDatabase } from './database.js';

const rand = () => randomBytes(4).toString('hex');

export interface MadeOrganisation {
  id: string;
  name: string;
}

export async function makeOrganisation(
  db: TestDatabase,
  overrides: { name?: string; type?: OrganisationType } = {},
): Promise<MadeOrganisation> {
  const id = randomUUID();
  const name = overrides.name ?? `Organisation ${rand()}`;
  await db.query('INSERT INTO organisations (id, name, type, city) VALUES ($1, $2, $3, $4)', [
    id,
    name,
    overrides.type ?? 'service_point',
    'Magdeburg',
  ]);
  return { id, name };
}

export interface MadeUser {
  id: string;
  email: string;
  password: string;
  handle: string;
  role: Role;
  organisationId: string;
}

let cachedHash: { password: string; hash: Promise<string> } | null = null;

/** A user with a random e-mail and handle. Password hashing is shared across calls (argon2 is slow by design). */
export async function makeUser(
  db: TestDatabase,
  overrides: { role?: Role; organisationId?: string; status?: 'active' | 'disabled'; displayName?: string } = {},
): Promise<MadeUser> {
  const password = 'correct-horse-battery';
  cachedHash ??= { password, hash: hashPassword(password) };
  const organisationId = overrides.organisationId ?? (await makeOrganisation(db)).id;
  const suffix = rand();
  const user: MadeUser = {
    id: randomUUID(),
    email: `person.${suffix}@example.org`,
    password,
    handle: `person.${suffix}`,
    role: overrides.role ?? 'advisor',
    organisationId,
  };
  await db.query(
    'INSERT INTO users (id, email, password_hash, display_name, handle, role, organisation_id, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [
      user.id,
      user.email,
      await cachedHash.hash,
      overrides.displayName ?? `Person ${suffix}`,
      user.handle,
      user.role,
      organisationId,
      overrides.status ?? 'active',
    ],
  );
  return user;
}
