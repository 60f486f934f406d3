/**
 * Clients that write numbered keys without pause while the lab fails, and remember which writes
 * were acknowledged, by which server, when. Afterwards the current primaries are asked for every
 * acknowledged key: one that is missing (or holds another value) is an acknowledged write lost.
 *
 * Two modes. `plain`: SET, and the write counts as acknowledged when SET answers OK. `wait`: SET,
 * then WAIT 1 <timeout> (https://redis.io/docs/latest/commands/wait/), and the client also records
 * how many replicas WAIT says have the write; the write is "confirmed" when that is at least 1.
 *
 * The Sentinel client asks the Sentinels for the primary's address before its first write and
 * after any error, as Sentinel-aware client libraries do; the cluster client routes each key by its
 * hash slot and re-reads the slot map after a redirect or an error, as cluster-aware ones do.
 */
import { ConnectionClosed, RedisConnection, type Address } from './redis-connection.ts';
import { hostPort, sentinelPrimary } from './redis-daemons.ts';
import { clusterNodes, ownerOfSlot, type ClusterNodeLine } from './redis-cluster-ops.ts';
import type { RedisLayout, RedisNode } from './redis-layout.ts';
import { ReplyError } from './redis-resp.ts';
import { keySlot } from './redis-slots.ts';
import { sleep } from './wait-for.ts';

export type WriteMode = 'plain' | 'wait';

export interface Ack {
  readonly n: number;
  readonly key: string;
  /** When the acknowledgement arrived (ms since the epoch). */
  readonly at: number;
  /** The server that acknowledged it, host:port. */
  readonly server: string;
  /** The key's hash slot (cluster writes only). */
  readonly slot?: number;
  /** WAIT's answer: how many replicas had the write (wait mode only). */
  readonly replicas?: number;
}

export interface WriterOptions {
  /** Pause between two writes. */
  readonly intervalMs: number;
  /** How long a client waits for any one reply before it gives up on the connection. */
  readonly commandTimeoutMs: number;
  /** WAIT's own timeout (wait mode). */
  readonly waitTimeoutMs: number;
}

export const DEFAULT_WRITER_OPTIONS: WriterOptions = { intervalMs: 20, commandTimeoutMs: 1000, waitTimeoutMs: 500 };

/** The part both writers share: the loop, the numbering and the record of what happened. */
abstract class Writer {
  readonly acks: Ack[] = [];
  /** Failed attempts by reason (an error code, "timeout", "closed", "no primary"). */
  readonly failures = new Map<string, number>();
  readonly mode: WriteMode;
  readonly prefix: string;
  protected readonly lab: RedisLayout;
  protected readonly options: WriterOptions;
  private next = 1;
  private running = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(lab: RedisLayout, mode: WriteMode, prefix: string, options: WriterOptions) {
    this.lab = lab;
    this.mode = mode;
    this.prefix = prefix;
    this.options = options;
  }

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const n = this.next++;
        await this.writeOne(n, `${this.prefix}:${n}`);
        await sleep(this.options.intervalMs);
      }
      this.closeAll();
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Acknowledged writes since `t`, oldest first. */
  acksAfter(t: number): Ack[] {
    return this.acks.filter((a) => a.at > t);
  }

  protected fail(reason: string): void {
    this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
  }

  /** SET, then WAIT in wait mode; records the outcome. Returns false when the connection must go. */
  protected async setOn(connection: RedisConnection, n: number, key: string, slot?: number): Promise<boolean> {
    try {
      const reply = await connection.command(['SET', key, n], this.options.commandTimeoutMs);
      if (reply instanceof ReplyError) {
        this.fail(reply.code);
        return false;
      }
      let replicas: number | undefined;
      if (this.mode === 'wait') {
        const waited = await connection.command(
          ['WAIT', 1, this.options.waitTimeoutMs],
          this.options.commandTimeoutMs + this.options.waitTimeoutMs,
        );
        replicas = typeof waited === 'number' ? waited : 0;
      }
      this.acks.push({
        n,
        key,
        at: Date.now(),
        server: hostPort(connection.address),
        ...(slot === undefined ? {} : { slot }),
        ...(replicas === undefined ? {} : { replicas }),
      });
      return true;
    } catch (error) {
      this.fail(error instanceof ConnectionClosed ? 'closed' : 'timeout');
      return false;
    }
  }

  protected abstract writeOne(n: number, key: string): Promise<void>;
  protected abstract closeAll(): void;
}

/** Writes to whichever server the Sentinels name as the primary. */
export class SentinelWriter extends Writer {
  private connection: RedisConnection | undefined;

  /** Asks the Sentinels in turn, as a client given their addresses does. */
  private async primaryAddress(): Promise<Address | undefined> {
    for (const sentinel of this.lab.sentinels) {
      try {
        const address = await sentinelPrimary(this.lab, sentinel);
        if (address) return address;
      } catch {
        // This Sentinel did not answer: ask the next one.
      }
    }
    return undefined;
  }

  protected async writeOne(n: number, key: string): Promise<void> {
    if (!this.connection?.isOpen) {
      const address = await this.primaryAddress();
      if (!address) {
        this.fail('no primary');
        return;
      }
      try {
        this.connection = await RedisConnection.open(address, {
          password: this.lab.password,
          timeoutMs: this.options.commandTimeoutMs,
        });
      } catch {
        this.fail('connect');
        return;
      }
    }
    if (!(await this.setOn(this.connection, n, key))) {
      this.connection.close();
      this.connection = undefined;
    }
  }

  protected closeAll(): void {
    this.connection?.close();
  }
}

/** Routes each key to the primary that owns its slot. */
export class ClusterWriter extends Writer {
  private topology: ClusterNodeLine[] = [];
  private readonly connections = new Map<string, RedisConnection>();
  private stale = true;

  private async refresh(): Promise<void> {
    for (const node of this.lab.clusterNodes) {
      try {
        this.topology = await clusterNodes(this.lab, node);
        this.stale = false;
        return;
      } catch {
        // Down or paused: ask the next node.
      }
    }
  }

  private async connectionTo(address: string): Promise<RedisConnection | undefined> {
    const existing = this.connections.get(address);
    if (existing?.isOpen) return existing;
    const [host = '', port = '0'] = address.split(':');
    try {
      const connection = await RedisConnection.open(
        { host, port: Number(port) },
        { password: this.lab.password, timeoutMs: this.options.commandTimeoutMs },
      );
      this.connections.set(address, connection);
      return connection;
    } catch {
      return undefined;
    }
  }

  protected async writeOne(n: number, key: string): Promise<void> {
    if (this.stale) await this.refresh();
    const slot = keySlot(key);
    const owner = ownerOfSlot(this.topology, slot);
    if (!owner) {
      this.fail('no primary');
      this.stale = true;
      return;
    }
    const connection = await this.connectionTo(owner.address);
    if (!connection) {
      this.fail('connect');
      this.stale = true;
      return;
    }
    if (!(await this.setOn(connection, n, key, slot))) {
      // MOVED, CLUSTERDOWN, a timeout: the map may be out of date.
      connection.close();
      this.stale = true;
    }
  }

  protected closeAll(): void {
    for (const c of this.connections.values()) c.close();
  }
}

export interface LossReport {
  /** Writes the client saw acknowledged (SET answered OK). */
  readonly acknowledged: number;
  /** Of those, missing or different on the current primary. */
  readonly lost: number;
  /** Wait mode: acknowledged writes WAIT said had reached at least one replica. */
  readonly confirmed?: number;
  /** Wait mode: of the confirmed writes, lost. */
  readonly confirmedLost?: number;
  /** The first few lost keys, for the log. */
  readonly lostKeys: readonly string[];
  /** Failed attempts by reason. */
  readonly failures: Readonly<Record<string, number>>;
}

/**
 * Asks `holderOf(key)` for every acknowledged key, pipelined, and counts those missing or
 * different: acknowledged writes that are gone.
 */
export async function countLost(
  lab: RedisLayout,
  writer: Writer,
  holderOf: (ack: Ack) => Address,
): Promise<LossReport> {
  const connections = new Map<string, RedisConnection>();
  const lostKeys: string[] = [];
  const lost = new Set<number>();
  try {
    const chunk = 500;
    for (let i = 0; i < writer.acks.length; i += chunk) {
      const batch = writer.acks.slice(i, i + chunk);
      const values = await Promise.all(
        batch.map(async (ack) => {
          const address = holderOf(ack);
          const id = hostPort(address);
          let connection = connections.get(id);
          if (!connection) {
            connection = await RedisConnection.open(address, { password: lab.password, timeoutMs: 5000 });
            connections.set(id, connection);
          }
          return connection.command(['GET', ack.key], 10_000);
        }),
      );
      batch.forEach((ack, j) => {
        if (values[j] !== String(ack.n)) {
          lost.add(ack.n);
          if (lostKeys.length < 10) lostKeys.push(ack.key);
        }
      });
    }
  } finally {
    for (const c of connections.values()) c.close();
  }
  const confirmed = writer.acks.filter((a) => (a.replicas ?? 0) >= 1);
  return {
    acknowledged: writer.acks.length,
    lost: lost.size,
    ...(writer.mode === 'wait'
      ? { confirmed: confirmed.length, confirmedLost: confirmed.filter((a) => lost.has(a.n)).length }
      : {}),
    lostKeys,
    failures: Object.fromEntries(writer.failures),
  };
}

/** The node of the lab at `address`, for messages. */
export function nodeAt(nodes: readonly RedisNode[], address: string): RedisNode | undefined {
  return nodes.find((n) => hostPort(n) === address);
}
