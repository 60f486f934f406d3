/**
 * Publishes every file under content/lab/ at the same path on the site
 * (content/lab/patroni/node1.yml → <base>lab/patroni/node1.yml), so the
 * download links of <ConfigFile> serve the very files that the cluster test
 * boots, byte for byte.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { labFiles, readShowable } from '../../config-files/source.ts';

export const getStaticPaths = (() =>
  labFiles().map((path) => ({
    params: { file: path.replace(/^lab\//, '') },
    props: { path },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { path } = props as { path: string };
  return new Response(readShowable(path), {
    headers: {
      'Content-Type': path.endsWith('.yml') ? 'application/yaml; charset=utf-8' : 'text/plain; charset=utf-8',
    },
  });
};
