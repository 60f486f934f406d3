import { existsSync } from 'node:fs';
import { TARGETS } from '../../e2e/support/targets.ts';

export { TARGETS };

/** The dist folder of a build target, or an error that says how to make it. */
export function distOf(target: (typeof TARGETS)[number]): string {
  if (!existsSync(target.dist)) {
    const script = target.name === 'root' ? 'build' : 'build:nested';
    throw new Error(`${target.dist}/ does not exist: run \`npm run ${script}\` first (npm test does).`);
  }
  return target.dist;
}
