import "server-only";
import { once } from "node:events";
import busboy from "busboy";
import type { RunFile } from "@/lib/ingest";
import { InvalidInputError } from "../errors";

export const MAX_FILES_PER_RUN = 10;

/** Reads a request body (a web ReadableStream) chunk by chunk, with back-pressure, and counts it. */
export class BodyReader {
  bytesRead = 0;
  done = false;
  /** The client went away mid-upload. */
  interrupted = false;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array> | null;

  constructor(body: ReadableStream<Uint8Array> | null) {
    this.reader = body ? body.getReader() : null;
    if (!this.reader) this.done = true;
  }

  async read(): Promise<Uint8Array | null> {
    if (this.done || !this.reader) return null;
    let r: ReadableStreamReadResult<Uint8Array>;
    try {
      r = await this.reader.read();
    } catch (err) {
      this.interrupted = true;
      this.done = true;
      throw err;
    }
    if (r.done) {
      this.done = true;
      return null;
    }
    this.bytesRead += r.value.byteLength;
    return r.value;
  }

  /** The body as one file's byte stream; stopping early leaves the rest for `discardRest`. */
  chunks(): AsyncIterable<Uint8Array> {
    return {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          const v = await this.read();
          return v ? { done: false, value: v } : { done: true, value: undefined };
        },
        return: async () => ({ done: true, value: undefined }),
      }),
    };
  }

  /**
   * After an error, reads and drops what the client is still sending, so it gets the answer
   * instead of a reset connection. Gives up past `cap` bytes (the caller then closes the connection).
   */
  async discardRest(cap: number): Promise<boolean> {
    try {
      while (!this.done) {
        if (this.bytesRead > cap) return false;
        await this.read();
      }
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * The files of a `multipart/form-data` body (fields named `file`), as they arrive: busboy is fed
 * from the body with back-pressure, so a file is only read while the parser consumes it.
 * `failure()` is a malformed form (an InvalidInputError); `stop()` stops feeding busboy.
 */
export function multipartFiles(body: BodyReader, contentType: string) {
  let failure: Error | null = null;
  let ended = false;
  let stopped = false;
  let notify: () => void = () => {};
  const wake = () => {
    const n = notify;
    notify = () => {};
    n();
  };
  const fail = (e: Error) => {
    failure ??= e;
    wake();
  };
  let bb: busboy.Busboy;
  try {
    bb = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { files: MAX_FILES_PER_RUN, fields: 50, parts: 100 } });
  } catch (e) {
    throw new InvalidInputError(`Malformed multipart/form-data request: ${(e as Error).message}`);
  }
  const queue: RunFile[] = [];
  let count = 0;
  bb.on("file", (field, stream, info) => {
    count++;
    if (field !== "file") {
      stream.resume();
      fail(new InvalidInputError(`Unexpected file field '${field}': send the result files in form fields named 'file'`));
      return;
    }
    queue.push({ name: info.filename?.replace(/^.*[\\/]/, "").trim() || `file-${count}`, stream });
    wake();
  });
  bb.on("filesLimit", () => fail(new InvalidInputError(`At most ${MAX_FILES_PER_RUN} files form one run`)));
  bb.on("error", (e) => fail(new InvalidInputError(`Malformed multipart/form-data body: ${(e as Error).message ?? String(e)}`)));
  bb.on("close", () => {
    ended = true;
    wake();
  });
  const abort = new AbortController();
  const pump = (async () => {
    try {
      while (!stopped) {
        const chunk = await body.read();
        if (!chunk) {
          bb.end();
          return;
        }
        if (!bb.write(chunk)) await once(bb, "drain", { signal: abort.signal });
      }
    } catch (e) {
      if (!stopped) fail(e instanceof Error ? e : new Error(String(e)));
    }
  })();

  async function* files(): AsyncGenerator<RunFile> {
    for (;;) {
      if (failure) throw failure;
      const next = queue.shift();
      if (next) {
        yield next;
        continue;
      }
      if (ended) return;
      await new Promise<void>((resolve) => (notify = resolve));
    }
  }

  return {
    files: files(),
    failure: () => failure,
    stop: async () => {
      stopped = true;
      abort.abort();
      await pump;
      bb.removeAllListeners("close");
      bb.destroy();
    },
  };
}
