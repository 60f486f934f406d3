/**
 * Publishes every file under content/lab/ at the same path on the site
 * (content/lab/patroni/node1.yml → <base>lab/patroni/node1.yml), so the
 * download links of <ConfigFile> serve the very files that the cluster test
 * boots, byte for byte. The Redis lab's files are checked first with the
 * reader the harness uses: an invalid one fails the build, naming the file,
 * the line and the fix.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { labFiles, readShowable } from '../../config-files/source.ts';
import { requireRedisLab } from '../../lab/redis/read-lab.ts';

export const getStaticPaths = (() => {
  requireRedisLab((file) => readShowable(`lab/${file}`));
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
