import { describe, expect, it } from 'vitest';
import { groupByTopic, inFileOrder, questionsExplainedBy } from '../../src/questions/question-lists.ts';

const questions = [
  { id: 'a', explainedBy: '/articles/replication/#lag', topics: ['replication', 'failover'] },
  { id: 'b', explainedBy: '/articles/replication-lab/#lag', topics: ['operations'] },
  { id: 'c', explainedBy: '/articles/replication/#slots', topics: ['failover', 'replication'] },
  { id: 'd', explainedBy: '/articles/failover-and-split-brain/#fencing', topics: ['replication'] },
];

describe('lists of questions', () => {
  it("an article's questions are those explained by one of its sections, in file order", () => {
    expect(questionsExplainedBy(questions, 'replication').map((q) => q.id)).toEqual(['a', 'c']);
    expect(questionsExplainedBy(questions, 'replication-lab').map((q) => q.id)).toEqual(['b']);
    expect(questionsExplainedBy(questions, 'sharding-and-partitioning')).toEqual([]);
  });

  it('groups by first topic, in the given topic order, leaving out empty topics', () => {
    const groups = groupByTopic(questions, ['concepts', 'replication', 'failover', 'operations'] as const);
    expect(groups.map((group) => [group.topic, group.questions.map((q) => q.id)])).toEqual([
      ['replication', ['a', 'd']],
      ['failover', ['c']],
      ['operations', ['b']],
    ]);
  });

  it('puts questions back in file order by their line, whatever order the data store returns', () => {
    const stored = [
      { id: 'b', line: 20 },
      { id: 'c', line: 38 },
      { id: 'a', line: 2 },
    ];
    expect(inFileOrder(stored).map((q) => q.id)).toEqual(['a', 'b', 'c']);
    expect(stored.map((q) => q.id)).toEqual(['b', 'c', 'a']);
  });
});
