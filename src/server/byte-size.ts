/**
 * A size as express's `limit` option reads it ("1mb", "512kb", "100b" or a number of bytes; 1 kb =
 * 1024 b), in bytes, so one setting bounds HTTP bodies and WebSocket messages alike.
 */
export function byteSize(size: string | number): number {
  if (typeof size === "number" && Number.isFinite(size) && size > 0) return Math.floor(size);
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(String(size));
  if (!match) throw new Error(`bodyLimit '${size}' is not a size; write it like "1mb", "512kb" or a number of bytes.`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? "b").toLowerCase() as "b"];
  return Math.floor(Number(match[1]) * unit);
}
