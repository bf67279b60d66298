import "server-only";
import type { ChecklistFormat } from "@/lib/domain/checklist-file";
import { CHECKLIST_MAX_BYTES } from "@/lib/domain/checklist-file";
import { InvalidInputError, PayloadTooLargeError } from "../errors";

const TOO_LARGE = `A checklist file is at most ${CHECKLIST_MAX_BYTES / 1024 / 1024} MiB`;

/** The request body as UTF-8 text, refused (413) past the limit without reading further. */
export async function readChecklistBody(req: Request, max = CHECKLIST_MAX_BYTES): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > max) throw new PayloadTooLargeError(TOO_LARGE);
  if (!req.body) throw new InvalidInputError("Send the checklist file (YAML or JSON) as the request body");
  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new PayloadTooLargeError(TOO_LARGE);
    }
    parts.push(value);
  }
  if (size === 0) throw new InvalidInputError("Send the checklist file (YAML or JSON) as the request body");
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(parts));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON when the content type says so, else YAML (which also reads JSON). */
export function formatOfContentType(contentType: string | null): ChecklistFormat {
  return contentType && /\bjson\b/i.test(contentType) ? "json" : "yaml";
}
