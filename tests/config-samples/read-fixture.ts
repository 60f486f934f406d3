import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Text of a fixture under tests/config-samples/fixtures/. */
export function fixture(path: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url)), 'utf8');
}

/** Text of a lab sample under content/lab/. */
export function labSample(path: string): string {
  return readFileSync(fileURLToPath(new URL(`../../content/lab/${path}`, import.meta.url)), 'utf8');
}
