/**
 * Publishes every file under content/lab/ at the same path on the site
 * (content/lab/patroni/node1.yml → <base>lab/patroni/node1.yml), so the
 * download links of <ConfigFile> serve the very files that the cluster test
 * boots, byte for byte. A file that its checks reject fails the build (src/lab/lab-check.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { join } from 'node:path';
import { CONTENT_DIR, labFiles, readShowable } from '../../config-files/source.ts';
import { labBuildProblems } from '../../lab/lab-check.ts';
import { AuthorError } from '../../loaders/author-error.ts';

export const getStaticPaths = (() => {
  // Never publish a file that its schema, its rules or HAProxy itself rejects.
  const problems = labBuildProblems((file) => readShowable(`lab/${file}`), join(CONTENT_DIR, 'lab'));
  if (problems.length > 0) {
    throw new AuthorError(`${problems.length} problem(s) in the lab's files (content/lab/):\n${problems.join('\n')}`);
  }
  return labFiles().map((path) => ({
    params: { file: path.replace(/^lab\//, '') },
    props: { path },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { path } = props as { path: string };
  return new Response(readShowable(path), {
    headers: {
      'Content-Type': path.endsWith('.yml') ? 'application/yaml; charset=utf-8' : 'text/plain; charset=utf-8',
    },
  });
};
