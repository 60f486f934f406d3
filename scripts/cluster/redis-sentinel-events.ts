/**
 * Listens to every Sentinel's events while the lab fails (PSUBSCRIBE *: each event is published on
 * a channel named after it, https://redis.io/docs/latest/operate/oss_and_stack/management/sentinel/#pubsub-messages)
 * and keeps, for each event, when it was first heard: +sdown, +odown, +elected-leader,
 * +promoted-slave, +switch-master, +convert-to-slave...
 */
import { RedisConnection } from './redis-connection.ts';
import { addressOf } from './redis-daemons.ts';
import type { RedisLayout } from './redis-layout.ts';

export interface SentinelEvent {
  /** ms since the epoch. */
  readonly at: number;
  readonly sentinel: string;
  readonly event: string;
  readonly detail: string;
}

export class SentinelEvents {
  readonly events: SentinelEvent[] = [];
  private readonly connections: RedisConnection[] = [];

  static async listen(lab: RedisLayout): Promise<SentinelEvents> {
    const watcher = new SentinelEvents();
    for (const sentinel of lab.sentinels) {
      const connection = await RedisConnection.open(addressOf(sentinel), { timeoutMs: 2000 });
      await connection.psubscribe(
        ['*'],
        (channel, message) =>
          watcher.events.push({ at: Date.now(), sentinel: sentinel.name, event: channel, detail: message }),
        2000,
      );
      watcher.connections.push(connection);
    }
    return watcher;
  }

  /**
   * The first time any Sentinel reported `event` after `since`, optionally only events whose text
   * matches `about` (for example the master's name, to leave out a replica's +sdown).
   */
  first(event: string, since: number, about?: RegExp): SentinelEvent | undefined {
    return this.events.find((e) => e.event === event && e.at >= since && (!about || about.test(e.detail)));
  }

  close(): void {
    for (const c of this.connections) c.close();
  }
}
