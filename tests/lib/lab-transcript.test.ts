import { describe, expect, it } from 'vitest';
import { parseTranscript, pickEntries, sessionText } from '../../src/lab/lab-transcript.ts';

/** A transcript of two steps, in the shape `npm run test:cluster` writes. */
const SMALL = {
  measuredAt: '2026-11-27T10:00:00.000Z',
  versions: { patroni: '3.0.2', etcd: '3.4.23' },
  steps: {
    healthy: [
      { id: 'list', command: 'patronictl -c /tmp/cde-lab/config/patroni-node1.yml list', output: '+ Cluster: cde-lab' },
      { id: 'leader-key', command: 'etcdctl get /service/cde-lab/leader -w fields', output: '"Value" : "node2"' },
    ],
    failover: [{ id: 'kill', command: 'kill -KILL 4123 4188', output: '' }],
  },
};

describe("the lab's captured transcript", () => {
  it('refuses a missing file, with the fix', () => {
    expect(() => parseTranscript(undefined)).toThrow(
      'bench-results/lab-transcript.json is missing: run `npm run test:cluster` (Linux, root; it writes bench-results/lab-transcript.json) and commit the file.',
    );
  });

  it('refuses a file of the wrong shape, naming the field', () => {
    expect(() => parseTranscript({ ...SMALL, steps: { healthy: [] } })).toThrow(
      /^bench-results\/lab-transcript\.json: steps\.healthy: Too small/,
    );
  });

  it('picks a whole step, or some of its commands in recorded order', () => {
    const transcript = parseTranscript(SMALL);
    expect(pickEntries(transcript, 'healthy', undefined, 'a.mdx').map((e) => e.id)).toEqual(['list', 'leader-key']);
    expect(pickEntries(transcript, 'healthy', ['leader-key', 'list'], 'a.mdx').map((e) => e.id)).toEqual([
      'list',
      'leader-key',
    ]);
  });

  it('names what exists when a step or a command is unknown', () => {
    const transcript = parseTranscript(SMALL);
    expect(() => pickEntries(transcript, 'rejoin', undefined, 'content/articles/lab.mdx')).toThrow(
      'content/articles/lab.mdx: <LabTranscript step="rejoin">: no such step in bench-results/lab-transcript.json. Steps: healthy, failover.',
    );
    expect(() => pickEntries(transcript, 'healthy', ['lease'], 'content/articles/lab.mdx')).toThrow(
      'content/articles/lab.mdx: <LabTranscript step="healthy" show="lease">: no lease in that step. It has: list, leader-key.',
    );
  });

  it('prints a shell session: the prompt, the output, a blank line between commands', () => {
    const transcript = parseTranscript(SMALL);
    expect(
      sessionText([
        ...pickEntries(transcript, 'failover', undefined, 'a.mdx'),
        ...pickEntries(transcript, 'healthy', undefined, 'a.mdx'),
      ]),
    ).toBe(
      [
        '$ kill -KILL 4123 4188',
        '',
        '$ patronictl -c /tmp/cde-lab/config/patroni-node1.yml list',
        '+ Cluster: cde-lab',
        '',
        '$ etcdctl get /service/cde-lab/leader -w fields',
        '"Value" : "node2"',
      ].join('\n'),
    );
  });
});
