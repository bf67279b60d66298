/** Streams an in-memory buffer or string in chunks (tests, small uploads). */
export async function* streamFromBuffer(data: Uint8Array | string, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, Math.min(bytes.length, i + chunkSize));
}
