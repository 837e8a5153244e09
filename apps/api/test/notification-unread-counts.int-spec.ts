import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { makeUser, type MadeUser } from '../../../test/support/factories.js';

/** The unread counters kept by the triggers on `notifications` always equal a count of the rows. */
describe('notification_unread_counts', () => {
  let db: TestDatabase;
  let anna: MadeUser;
  let ben: MadeUser;
  let carla: MadeUser;

  beforeAll(async () => {
    db = await createTestDatabase();
    [anna, ben, carla] = await Promise.all([makeUser(db), makeUser(db), makeUser(db)]);
  });

  afterAll(async () => {
    await db.drop();
  });

  const insert = (userIds: string[]) =>
    db.query(
      `INSERT INTO notifications (user_id, type, subject, link) SELECT u, 'reply', 'Betreff', '/forum' FROM unnest($1::uuid[]) AS u`,
      [userIds],
    );

  /** Counter and real count of each person, and counters that exist without a person. */
  async function state(): Promise<Record<string, [number, number]>> {
    const rows = await db.query<{ id: string; counter: number | null; real: number }>(
      `SELECT u.id, c.count AS counter, (SELECT count(*)::int FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) AS real
         FROM users u LEFT JOIN notification_unread_counts c ON c.user_id = u.id WHERE u.id = ANY($1::uuid[])`,
      [[anna.id, ben.id, carla.id]],
    );
    return Object.fromEntries(rows.map((r) => [r.id === anna.id ? 'anna' : r.id === ben.id ? 'ben' : 'carla', [r.counter ?? 0, r.real]]));
  }

  it('counts inserts, reading, unreading and deletes, in single and multi-row statements', async () => {
    await insert([anna.id, anna.id, ben.id, anna.id]);
    expect(await state()).toEqual({ anna: [3, 3], ben: [1, 1], carla: [0, 0] });

    await db.query(`UPDATE notifications SET read_at = now() WHERE id = (SELECT min(id) FROM notifications WHERE user_id = $1)`, [anna.id]);
    expect(await state()).toEqual({ anna: [2, 2], ben: [1, 1], carla: [0, 0] });

    // reading what was read already, and updates of other columns, change nothing
    await db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NOT NULL`, [anna.id]);
    await db.query(`UPDATE notifications SET emailed_at = now(), subject = 'Neu'`);
    expect(await state()).toEqual({ anna: [2, 2], ben: [1, 1], carla: [0, 0] });

    await db.query(`UPDATE notifications SET read_at = NULL WHERE user_id = $1`, [anna.id]);
    expect(await state()).toEqual({ anna: [3, 3], ben: [1, 1], carla: [0, 0] });

    // an already read notification arrives (insert with read_at) and a mixed delete
    await db.query(
      `INSERT INTO notifications (user_id, type, subject, link, read_at) VALUES ($1, 'reply', 'Betreff', '/forum', now()), ($2, 'reply', 'x', '/', NULL)`,
      [carla.id, carla.id],
    );
    await db.query(
      `DELETE FROM notifications WHERE id IN (SELECT id FROM notifications WHERE user_id = $1 ORDER BY id LIMIT 2) OR user_id = $2`,
      [anna.id, ben.id],
    );
    expect(await state()).toEqual({ anna: [1, 1], ben: [0, 0], carla: [1, 1] });

    await db.query(`UPDATE notifications SET read_at = now() WHERE read_at IS NULL`);
    expect(await state()).toEqual({ anna: [0, 0], ben: [0, 0], carla: [0, 0] });
  });

  it('goes with a deleted person, and TRUNCATE resets every counter', async () => {
    const dora = await makeUser(db);
    await insert([dora.id, dora.id, anna.id]);
    await db.query('DELETE FROM users WHERE id = $1', [dora.id]);
    expect(await db.query('SELECT * FROM notification_unread_counts WHERE user_id = $1', [dora.id])).toEqual([]);
    expect((await state()).anna).toEqual([1, 1]);

    await db.query('TRUNCATE notifications');
    expect(await state()).toEqual({ anna: [0, 0], ben: [0, 0], carla: [0, 0] });
    await insert([ben.id]);
    expect(await state()).toEqual({ anna: [0, 0], ben: [1, 1], carla: [0, 0] });
  });

  it('stays exact under concurrent writers for the same people', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => insert(i % 2 ? [anna.id, ben.id, carla.id] : [carla.id, anna.id])));
    await Promise.all([
      db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id % 3 = 0`, [anna.id]),
      insert([anna.id, carla.id]),
      db.query(`DELETE FROM notifications WHERE user_id = $1 AND id % 4 = 0`, [carla.id]),
      insert([ben.id]),
    ]);
    const now = await state();
    for (const [counter, real] of Object.values(now)) expect(counter).toBe(real);
  });
});
