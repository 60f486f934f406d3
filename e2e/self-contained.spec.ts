import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { offsiteResources } from '../src/postbuild/offsite-resources.ts';
import { expect, test } from './support/site.ts';

/** Every build the suite checks, including the portable one. */
const BUILDS = ['dist', 'dist-nested', 'dist-portable'];

test.describe('self-contained builds', () => {
  for (const dist of BUILDS) {
    test(`${dist}/ loads no resource from another origin (scan of every file)`, () => {
      expect(existsSync(dist), `${dist}/ is built (npm test builds it)`).toBe(true);
      const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) =>
        /\.(html|css|m?js|svg)$/.test(file),
      );
      expect(files.length).toBeGreaterThan(10);
      const offsite = files.flatMap((file) =>
        offsiteResources(file, readFileSync(join(dist, file), 'utf8')).map((url) => `${file}: ${url}`),
      );
      expect(offsite).toEqual([]);
    });
  }
});
