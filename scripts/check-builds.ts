/**
 * Refuses to test a build older than the sources: `node scripts/check-builds.ts dist dist-nested`
 * exits 1, saying which build to run, when a folder's build stamp does not match the working tree.
 */
import { staleBuildReason } from '../src/postbuild/build-stamp.ts';

/** The npm script that makes each output folder. */
const SCRIPTS: Record<string, string> = {
  dist: 'build',
  'dist-nested': 'build:nested',
  'dist-portable': 'build:portable',
};

const problems: string[] = [];
for (const outDir of process.argv.slice(2)) {
  const reason = await staleBuildReason(process.cwd(), outDir, SCRIPTS[outDir] ?? 'build');
  if (reason) problems.push(reason);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
