import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { measureAnchorShift, measureVisit } from '../scripts/bench/browser.ts';
import { gzipSize } from '../scripts/lib/page-weight.ts';
import { createStaticServer } from '../scripts/lib/static-server.ts';

// The benchmark's own measurements (scripts/bench/browser.ts), checked on fixture pages whose
// answer is known: a page that shifts and one that does not. Root project only (see the config).
const ROOT = 'tests/fixtures/bench';
let server: Server;
let origin: string;

test.beforeAll(async () => {
  server = createStaticServer({ root: ROOT, compress: true });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise((done) => server.close(done)));

test('a first visit is counted request by request, by type, raw and gzipped', async ({ browser }) => {
  const visit = await measureVisit(browser, `${origin}/stable/`);
  expect(visit.failures).toEqual([]);
  expect(visit.total.requests).toBe(3);
  const css = readFileSync(`${ROOT}/style.css`);
  expect(visit.byType.css).toMatchObject({ requests: 1, raw: css.byteLength, gzip: gzipSize(css) });
  // Served gzipped: what crosses the wire is the compressed body plus headers.
  expect(visit.byType.css.transfer).toBeGreaterThan(gzipSize(css));
  expect(visit.byType.css.transfer).toBeLessThan(css.byteLength + 400);
  expect(visit.byType.html.requests).toBe(1);
  expect(visit.byType.js.requests).toBe(1);
  // The module ran, but not its function that nobody calls.
  const script = readFileSync(`${ROOT}/script.js`, 'utf8');
  expect(visit.js.scripts).toBe(1);
  expect(visit.js.loaded).toBe(script.length);
  expect(visit.js.executed).toBeGreaterThan(0);
  expect(visit.js.executed).toBeLessThan(script.length);
});

test('opening a page at an anchor: no shift on a stable page', async ({ browser }) => {
  expect(await measureAnchorShift(browser, `${origin}/stable/`, 'target')).toEqual({
    anchor: 'target',
    cls: 0,
    allShifts: 0,
    reached: true,
  });
});

test('opening a page at an anchor: content that moves under the reader is a shift', async ({ browser }) => {
  const shift = await measureAnchorShift(browser, `${origin}/shift/`, 'target');
  expect(shift.reached).toBe(true);
  // Within 500 ms of the jump to the anchor, Chrome flags the shift as following input (so CLS
  // proper may leave it out); the benchmark counts it all the same.
  expect(shift.allShifts).toBeGreaterThan(0.05);
});
