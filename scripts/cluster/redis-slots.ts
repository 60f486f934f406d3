/**
 * Which of Redis Cluster's 16,384 hash slots a key belongs to: CRC16 (the XMODEM variant) of the
 * key modulo 16384, where a key with a non-empty {hash tag} is hashed by the tag alone
 * (https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/#key-distribution-model).
 * The harness's cluster client routes each write with it, as a cluster-aware client library does.
 */

/** CRC16/XMODEM: polynomial 0x1021, initial value 0, no reflection. "123456789" gives 0x31C3. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** The part of a key that is hashed: the text between the first { and the next }, if not empty. */
export function hashedPart(key: string): string {
  const open = key.indexOf('{');
  if (open < 0) return key;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

export function keySlot(key: string): number {
  return crc16(Buffer.from(hashedPart(key), 'utf8')) % 16384;
}
