import { describe, expect, it } from 'vitest';
import { askedAtLabel, SYSTEM_LABELS, TOPIC_LABELS } from '../../src/questions/labels.ts';
import { QUESTION_SYSTEMS, QUESTION_TOPICS } from '../../src/schemas/question.ts';

describe('where a question was asked, as readers know the place', () => {
  it('names GitHub issues, discussions and pull requests with their repository and number', () => {
    expect(askedAtLabel('https://github.com/patroni/patroni/issues/2345')).toBe('GitHub issue patroni/patroni#2345');
    expect(askedAtLabel('https://github.com/patroni/patroni/discussions/3012#discussioncomment-1')).toBe(
      'GitHub discussion patroni/patroni#3012',
    );
    expect(askedAtLabel('https://github.com/zalando/postgres-operator/pull/7')).toBe(
      'GitHub pull request zalando/postgres-operator#7',
    );
    expect(askedAtLabel('https://github.com/patroni/patroni')).toBe('GitHub');
  });

  it('names Stack Exchange sites', () => {
    expect(askedAtLabel('https://dba.stackexchange.com/questions/1/x')).toBe('Database Administrators Stack Exchange');
    expect(askedAtLabel('https://stackoverflow.com/questions/1/x')).toBe('Stack Overflow');
    expect(askedAtLabel('https://serverfault.com/questions/1/x')).toBe('Server Fault');
    expect(askedAtLabel('https://unix.stackexchange.com/questions/1/x')).toBe('unix Stack Exchange');
  });

  it('names the PostgreSQL mailing lists and subreddits', () => {
    expect(askedAtLabel('https://www.postgresql.org/message-id/abc%40example.org')).toBe('PostgreSQL mailing list');
    expect(askedAtLabel('https://www.reddit.com/r/PostgreSQL/comments/abc/x/')).toBe('Reddit r/PostgreSQL');
  });

  it('falls back to the host name', () => {
    expect(askedAtLabel('https://www.example.org/forum/1')).toBe('example.org');
  });

  it('has a label for every topic and system of the schema', () => {
    expect(Object.keys(TOPIC_LABELS)).toEqual([...QUESTION_TOPICS]);
    expect(Object.keys(SYSTEM_LABELS)).toEqual([...QUESTION_SYSTEMS]);
  });
});
