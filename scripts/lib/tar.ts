/**
 * A minimal ustar (POSIX tar) writer for the offline bundle: regular files and folders only,
 * fixed owner, one modification time for every entry (the caller's: the time of bundling), so the
 * same input and time give the same bytes. Gzip it with node:zlib.
 */

export interface TarEntry {
  /** Path inside the archive with `/` separators; a folder ends with `/`. */
  path: string;
  /** File content; omitted for a folder. */
  content?: Uint8Array;
}

const BLOCK = 512;

function field(header: Buffer, offset: number, length: number, value: string): void {
  header.write(value, offset, length, 'utf8');
}

function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

/** Splits a long path into ustar's prefix (155) and name (100) at a `/`. */
function splitPath(path: string): { name: string; prefix: string } {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  for (let index = path.indexOf('/'); index >= 0; index = path.indexOf('/', index + 1)) {
    const prefix = path.slice(0, index);
    const name = path.slice(index + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name !== '') return { name, prefix };
  }
  throw new Error(`Path too long for a tar archive: ${path}`);
}

function header(entry: TarEntry, mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const folder = entry.path.endsWith('/');
  const { name, prefix } = splitPath(entry.path);
  field(block, 0, 100, name);
  field(block, 100, 8, octal(folder ? 0o755 : 0o644, 8));
  field(block, 108, 8, octal(0, 8));
  field(block, 116, 8, octal(0, 8));
  field(block, 124, 12, octal(folder ? 0 : (entry.content?.length ?? 0), 12));
  field(block, 136, 12, octal(mtime, 12));
  field(block, 148, 8, '        '); // checksum counted as spaces
  field(block, 156, 1, folder ? '5' : '0');
  field(block, 257, 6, 'ustar\0');
  field(block, 263, 2, '00');
  field(block, 345, 155, prefix);
  let sum = 0;
  for (const byte of block) sum += byte;
  field(block, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

/** The tar archive of the entries, in the order given, each modified at `mtime` (Unix seconds). */
export function tar(entries: TarEntry[], mtime: number): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    parts.push(header(entry, mtime));
    if (!entry.path.endsWith('/') && entry.content) {
      parts.push(Buffer.from(entry.content));
      const padding = (BLOCK - (entry.content.length % BLOCK)) % BLOCK;
      parts.push(Buffer.alloc(padding));
    }
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}
