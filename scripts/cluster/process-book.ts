/**
 * The list of processes the lab started, kept in <stateDir>/pids.json so that
 * `npm run lab -- stop` (a later, separate command) can stop exactly those
 * PIDs and nothing else.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Started } from './processes.ts';

/** Which daemon an entry is: the PostgreSQL lab's three, and the Redis lab's servers, Sentinels and cluster nodes. */
export type Role = 'etcd' | 'patroni' | 'haproxy' | 'redis-server' | 'redis-sentinel' | 'redis-cluster';

export interface BookEntry extends Started {
  readonly role: Role;
}

export class ProcessBook {
  readonly file: string;
  entries: BookEntry[];

  constructor(stateDir: string) {
    this.file = join(stateDir, 'pids.json');
    this.entries = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as BookEntry[]) : [];
  }

  add(role: Role, started: Started): void {
    this.entries = [...this.entries.filter((e) => !(e.role === role && e.name === started.name)), { role, ...started }];
    this.save();
  }

  find(role: Role, name: string): BookEntry | undefined {
    return this.entries.find((e) => e.role === role && e.name === name);
  }

  save(): void {
    writeFileSync(this.file, `${JSON.stringify(this.entries, null, 2)}\n`);
  }
}
