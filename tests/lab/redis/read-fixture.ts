import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Text of a fixture under tests/lab/redis/fixtures/. */
export function fixture(path: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url)), 'utf8');
}

/** Text of a lab file under content/lab/ (`redis/replication/redis1.conf`). */
export function labFile(path: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../content/lab/${path}`, import.meta.url)), 'utf8');
}

/** The lab's files, with `replaced` (a lab path) read from a fixture under fixtures/group/ instead. */
export function labWith(replaced: string, fixtureName: string): (file: string) => string {
  return (file) => (file === replaced ? fixture(`group/${fixtureName}`) : labFile(file));
}
