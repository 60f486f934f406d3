import { describe, expect, it } from 'vitest';
import { articleFileOf, labFiles, languageOf, pathProblem } from '../../src/config-files/source.ts';

describe('config file sources', () => {
  it('lists the lab files relative to content/', () => {
    expect(labFiles()).toEqual([
      'lab/etcd/etcd1.yml',
      'lab/etcd/etcd2.yml',
      'lab/etcd/etcd3.yml',
      'lab/haproxy/haproxy.cfg',
      'lab/patroni/node1.yml',
      'lab/patroni/node2.yml',
      'lab/patroni/node3.yml',
    ]);
  });

  it('accepts a lab file and explains a missing one', () => {
    expect(pathProblem('lab/patroni/node1.yml')).toBeUndefined();
    expect(pathProblem('lab/patroni/node9.yml')).toBe(
      'content/lab/patroni/node9.yml does not exist. Fix: use one of: lab/etcd/etcd1.yml, lab/etcd/etcd2.yml, lab/etcd/etcd3.yml, lab/haproxy/haproxy.cfg, lab/patroni/node1.yml, lab/patroni/node2.yml, lab/patroni/node3.yml.',
    );
  });

  it('refuses paths outside content/lab/', () => {
    const message =
      'path must name a file under content/lab/, written relative to content/, such as path="lab/patroni/node1.yml".';
    expect(pathProblem('articles/replication.mdx')).toBe(message);
    expect(pathProblem('lab/../articles/replication.mdx')).toBe(message);
  });

  it('names the article from the page URL, with or without a base path', () => {
    expect(articleFileOf('/articles/lab-patroni-etcd/')).toBe('content/articles/lab-patroni-etcd.mdx');
    expect(articleFileOf('/nested/path/articles/lab-patroni-etcd/')).toBe('content/articles/lab-patroni-etcd.mdx');
    expect(articleFileOf('/glossary/')).toBe('the page /glossary/');
  });

  it('picks a Shiki language by file name', () => {
    expect(languageOf('lab/patroni/node1.yml')).toBe('yaml');
    expect(languageOf('lab/haproxy/haproxy.cfg')).toBe('nginx');
  });
});
