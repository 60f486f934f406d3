/**
 * The Redis protocol (RESP2), both ways: commands out as arrays of bulk strings, replies in as
 * simple strings, errors, integers, bulk strings and arrays
 * (https://redis.io/docs/latest/develop/reference/protocol-spec/). Pure functions over buffers, so
 * the tests call them directly; redis-connection.ts puts them on a socket.
 */

/** An error reply (`-ERR ...`, `-MOVED 3999 127.0.0.62:6379`): a value, not a thrown exception. */
export class ReplyError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
  /** The error's first word: ERR, MOVED, READONLY, NOREPLICAS, CLUSTERDOWN... */
  get code(): string {
    return this.message.split(' ')[0] ?? '';
  }
}

export type Reply = string | number | null | ReplyError | Reply[];

/** A command as RESP: `*<n>\r\n` then `$<len>\r\n<arg>\r\n` per argument. */
export function encodeCommand(args: readonly (string | number)[]): Buffer {
  const parts = args.map((a) => Buffer.from(String(a), 'utf8'));
  const head = `*${parts.length}\r\n`;
  return Buffer.concat([
    Buffer.from(head),
    ...parts.flatMap((p) => [Buffer.from(`$${p.length}\r\n`), p, Buffer.from('\r\n')]),
  ]);
}

/** One parsed reply and the offset just after it, or undefined when the buffer ends first. */
function parseAt(buffer: Buffer, offset: number): { reply: Reply; next: number } | undefined {
  const lineEnd = buffer.indexOf('\r\n', offset);
  if (lineEnd < 0) return undefined;
  const type = String.fromCharCode(buffer[offset] ?? 0);
  const line = buffer.toString('utf8', offset + 1, lineEnd);
  const afterLine = lineEnd + 2;
  switch (type) {
    case '+':
      return { reply: line, next: afterLine };
    case '-':
      return { reply: new ReplyError(line), next: afterLine };
    case ':':
      return { reply: Number(line), next: afterLine };
    case '$': {
      const length = Number(line);
      if (length < 0) return { reply: null, next: afterLine };
      if (buffer.length < afterLine + length + 2) return undefined;
      return { reply: buffer.toString('utf8', afterLine, afterLine + length), next: afterLine + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { reply: null, next: afterLine };
      const items: Reply[] = [];
      let next = afterLine;
      for (let i = 0; i < count; i++) {
        const item = parseAt(buffer, next);
        if (!item) return undefined;
        items.push(item.reply);
        next = item.next;
      }
      return { reply: items, next };
    }
    default:
      throw new Error(`not a RESP reply: ${JSON.stringify(buffer.toString('utf8', offset, lineEnd + 2))}`);
  }
}

/**
 * Collects bytes from a socket and hands out complete replies in order; a reply split across
 * several chunks waits for its end.
 */
export class ReplyParser {
  private buffer: Buffer = Buffer.alloc(0);

  /** Adds a chunk; returns every reply it completed. */
  push(chunk: Buffer): Reply[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const replies: Reply[] = [];
    let offset = 0;
    for (;;) {
      const parsed = parseAt(this.buffer, offset);
      if (!parsed) break;
      replies.push(parsed.reply);
      offset = parsed.next;
    }
    this.buffer = this.buffer.subarray(offset);
    return replies;
  }
}
