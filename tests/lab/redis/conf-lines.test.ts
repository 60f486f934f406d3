import { describe, expect, it } from 'vitest';
import { readConfLines, replaceDirective, splitArgs } from '../../../src/lab/redis/conf-lines.ts';

describe('splitting a configuration line as Redis does', () => {
  it('splits at spaces and tabs', () => {
    expect(splitArgs('sentinel monitor  cde-redis\t127.0.0.41 6379 2')).toEqual([
      'sentinel',
      'monitor',
      'cde-redis',
      '127.0.0.41',
      '6379',
      '2',
    ]);
  });

  it('reads "double quotes" with escapes, and an empty quoted argument', () => {
    expect(splitArgs('proc-title-template "{title} \\x41\\t\\"x\\""')).toEqual([
      'proc-title-template',
      '{title} A\t"x"',
    ]);
    expect(splitArgs('logfile ""')).toEqual(['logfile', '']);
  });

  it("reads 'single quotes', where only \\' is an escape", () => {
    expect(splitArgs("requirepass 'it\\'s \\n'")).toEqual(['requirepass', "it's \\n"]);
  });

  it('opens a quote inside a bare word, as Redis does', () => {
    expect(splitArgs('dir /a"b c"')).toEqual(['dir', '/ab c']);
  });

  it('refuses a quote that is not closed, or a closing quote followed by a character', () => {
    expect(splitArgs('requirepass "secret')).toBeUndefined();
    expect(splitArgs('requirepass "secret"x')).toBeUndefined();
    expect(splitArgs("port 6379 # Redis's port")).toBeUndefined();
  });
});

describe('reading the lines of a file', () => {
  it('skips blank lines and lines starting with #, lowers directive names and keeps line numbers', () => {
    const { directives, problems } = readConfLines(
      'f.conf',
      '# comment\n\n  BIND 127.0.0.41\n   # indented\nport 6379\n',
    );
    expect(problems).toEqual([]);
    expect(directives).toEqual([
      { name: 'bind', args: ['127.0.0.41'], line: 3 },
      { name: 'port', args: ['6379'], line: 5 },
    ]);
  });

  it('replaces one directive and leaves comments and other lines as they are', () => {
    const text = '# the data\ndir /var/lib/redis/cde-lab/redis1\nport 6379\n';
    expect(replaceDirective(text, 'dir', () => '/tmp/x/redis1')).toBe('# the data\ndir /tmp/x/redis1\nport 6379\n');
  });
});
