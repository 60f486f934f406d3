/**
 * One connection to a Redis server or Sentinel, with a deadline on everything: connecting, each
 * command, and the password. The harness's clients are written on it instead of a client library,
 * so what the measurements call "a client" does exactly what they say: ask a Sentinel, connect,
 * write, give up after a timeout. A command that times out closes the connection, since a reply
 * that arrives later would be taken for the next command's.
 */
import { createConnection, type Socket } from 'node:net';
import { encodeCommand, ReplyError, ReplyParser, type Reply } from './redis-resp.ts';

export interface Address {
  readonly host: string;
  readonly port: number;
}

export interface OpenOptions {
  /** The server's requirepass, sent with AUTH right after connecting. */
  readonly password?: string | undefined;
  readonly timeoutMs: number;
}

export class ConnectionClosed extends Error {}
export class CommandTimeout extends Error {}

interface Pending {
  readonly resolve: (reply: Reply) => void;
  readonly reject: (error: Error) => void;
}

export class RedisConnection {
  readonly address: Address;
  private readonly socket: Socket;
  private readonly parser = new ReplyParser();
  private readonly pending: Pending[] = [];
  private closed = false;
  /** Pub/sub messages, once subscribed: channel (or pattern match) and payload. */
  private onMessage: ((channel: string, message: string) => void) | undefined;

  private constructor(address: Address, socket: Socket) {
    this.address = address;
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      for (const reply of this.parser.push(chunk)) this.deliver(reply);
    });
    socket.on('close', () => this.fail(new ConnectionClosed(`connection to ${address.host}:${address.port} closed`)));
    socket.on('error', (error) => this.fail(error));
  }

  /** Connects (and authenticates), or rejects within timeoutMs. */
  static async open(address: Address, options: OpenOptions): Promise<RedisConnection> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = createConnection({ host: address.host, port: address.port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new CommandTimeout(`no connection to ${address.host}:${address.port} within ${options.timeoutMs} ms`));
      }, options.timeoutMs);
      s.once('connect', () => {
        clearTimeout(timer);
        s.setNoDelay(true);
        resolve(s);
      });
      s.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const connection = new RedisConnection(address, socket);
    if (options.password !== undefined) {
      const auth = await connection.command(['AUTH', options.password], options.timeoutMs);
      if (auth instanceof ReplyError) {
        connection.close();
        throw new Error(`AUTH refused by ${address.host}:${address.port}: ${auth.message}`);
      }
    }
    return connection;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Sends one command; resolves with its reply (an error reply is a ReplyError value). */
  command(args: readonly (string | number)[], timeoutMs: number): Promise<Reply> {
    if (this.closed) return Promise.reject(new ConnectionClosed('connection already closed'));
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new CommandTimeout(`${String(args[0])} got no reply within ${timeoutMs} ms`));
        this.close();
      }, timeoutMs);
      this.pending.push({
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.socket.write(encodeCommand(args));
    });
  }

  /** PSUBSCRIBE to `patterns`; every message then goes to `onMessage` with its channel. */
  async psubscribe(
    patterns: readonly string[],
    onMessage: (channel: string, message: string) => void,
    timeoutMs: number,
  ) {
    this.onMessage = onMessage;
    await this.command(['PSUBSCRIBE', ...patterns], timeoutMs);
    // PSUBSCRIBE answers once per pattern; the first answer resolved the command above.
    for (let i = 1; i < patterns.length; i++) this.pending.push({ resolve: () => undefined, reject: () => undefined });
  }

  close(): void {
    if (this.closed) return;
    this.socket.destroy();
    this.fail(new ConnectionClosed('connection closed'));
  }

  private deliver(reply: Reply): void {
    if (this.onMessage && Array.isArray(reply) && reply[0] === 'pmessage') {
      this.onMessage(String(reply[2]), String(reply[3]));
      return;
    }
    this.pending.shift()?.resolve(reply);
  }

  private fail(error: Error): void {
    this.closed = true;
    for (const p of this.pending.splice(0)) p.reject(error);
  }
}

/** Opens, runs one command, closes: for occasional questions (INFO, ROLE, CLUSTER NODES). */
export async function ask(address: Address, args: readonly (string | number)[], options: OpenOptions): Promise<Reply> {
  const connection = await RedisConnection.open(address, options);
  try {
    return await connection.command(args, options.timeoutMs);
  } finally {
    connection.close();
  }
}

/** `INFO <section>` as key/value pairs. */
export function parseInfo(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0 && !line.startsWith('#')) fields[line.slice(0, at)] = line.slice(at + 1);
  }
  return fields;
}
