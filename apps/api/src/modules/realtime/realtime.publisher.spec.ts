import { describe, expect, it, jest } from '@jest/globals';
import type { AccessService } from '../access/access.service.js';
import { RealtimePublisher, packDeliveries, unpackDeliveries } from './realtime.publisher.js';
import type { Delivery, RealtimeServer } from './realtime.types.js';

const notification = (id: number, userId: string): Delivery =>
  RealtimePublisher.toUser(userId, 'notification:new', {
    id,
    type: 'reply',
    subject: 'Anerkennung ausländischer Berufsabschlüsse – Unterlagen',
    actor: { id: '6803b489-3f72-48e0-a21e-31f20958fcc2', displayName: 'Anna Beraterin' },
    spaceName: 'Netzwerk-Forum',
    link: '/forum/threads/3c27802d-5c0a-4441-b4e6-c1a39cd50c3d?seq=12',
    createdAt: '2026-11-25T12:00:00.000Z',
    readAt: null,
  });
const userId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe('packDeliveries', () => {
  it('packs a batch of similar messages into one relayed message that unpacks to the same deliveries', () => {
    const batch = Array.from({ length: 50 }, (_, i) => [
      notification(100 + i, userId(i)),
      RealtimePublisher.toUser(userId(i), 'notification:unread-count', { count: i }),
    ]).flat();
    expect(JSON.stringify(batch).length).toBeGreaterThan(8000);
    const packed = packDeliveries(batch);
    expect(packed).toHaveLength(1);
    expect(packed[0]!.length).toBeLessThanOrEqual(7500);
    expect(unpackDeliveries(packed[0]!)).toEqual(batch);
  });

  it('splits what does not fit, keeping the order', () => {
    const batch = Array.from({ length: 40 }, (_, i) => notification(i, userId(i)));
    const packed = packDeliveries(batch, 600);
    expect(packed.length).toBeGreaterThan(1);
    for (const message of packed) expect(message.length).toBeLessThanOrEqual(600);
    expect(packed.flatMap(unpackDeliveries)).toEqual(batch);
  });

  it('sends nothing for nothing, and a single delivery too big alone', () => {
    expect(packDeliveries([])).toEqual([]);
    expect(packDeliveries([notification(1, userId(1))], 10)).toHaveLength(1);
  });

  it('refuses what is not a packed list', () => {
    expect(() => unpackDeliveries('not packed')).toThrow();
  });
});

describe('RealtimePublisher.deliver', () => {
  function fakeServer(instances = 2) {
    // what the adapter believes from heartbeats; deliver must not trust it (see below)
    const calls: string[] = [];
    const handlers = new Map<string, (...args: unknown[]) => void>();
    const serverSideEmit = jest.fn((packet: unknown[]) => {
      calls.push(`relay ${unpackDeliveries(packet[1] as string).length}`);
      return Promise.resolve();
    });
    const server = {
      on: (event: string, handler: (...args: unknown[]) => void) => handlers.set(event, handler),
      local: { to: (rooms: string[]) => ({ emit: (event: string) => calls.push(`local ${event} ${rooms.join(',')}`) }) },
      of: () => ({ adapter: { serverSideEmit, serverCount: () => Promise.resolve(instances) } }),
    };
    return { server: server as unknown as RealtimeServer, calls, handlers, serverSideEmit };
  }

  it('emits to local sockets first, then relays the whole batch in one message', async () => {
    const { server, calls, serverSideEmit } = fakeServer();
    const publisher = new RealtimePublisher({} as AccessService);
    publisher.attach(server);
    await publisher.deliver([
      notification(1, userId(1)),
      RealtimePublisher.toUser(userId(1), 'notification:unread-count', { count: 1 }),
      notification(2, userId(2)),
    ]);
    expect(calls).toEqual([
      `local notification:new user:${userId(1)}`,
      `local notification:unread-count user:${userId(1)}`,
      `local notification:new user:${userId(2)}`,
      'relay 3',
    ]);
    expect(serverSideEmit).toHaveBeenCalledTimes(1);
    expect(serverSideEmit.mock.calls[0]![0][0]).toBe('realtime:deliver');
  });

  it('relays even when the adapter has heard of no other instance yet (one starting at the same time)', async () => {
    const { server, calls, serverSideEmit } = fakeServer(1);
    const publisher = new RealtimePublisher({} as AccessService);
    publisher.attach(server);
    await publisher.deliver([notification(1, userId(1))]);
    expect(calls).toEqual([`local notification:new user:${userId(1)}`, 'relay 1']);
    expect(serverSideEmit).toHaveBeenCalledTimes(1);
  });

  it('delivers a relayed batch to its own sockets only', () => {
    const { server, calls, handlers, serverSideEmit } = fakeServer();
    new RealtimePublisher({} as AccessService).attach(server);
    handlers.get('realtime:deliver')!(packDeliveries([notification(1, userId(1))])[0]);
    expect(calls).toEqual([`local notification:new user:${userId(1)}`]);
    expect(serverSideEmit).not.toHaveBeenCalled();
  });

  it('does nothing without a socket server', async () => {
    await expect(new RealtimePublisher({} as AccessService).deliver([notification(1, userId(1))])).resolves.toBeUndefined();
  });
});
