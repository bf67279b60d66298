import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { RunFile } from "@/lib/ingest";
import { errorResponse } from "../api/respond";
import { PayloadTooLargeError } from "../errors";
import type { ProjectAccess } from "../principal";
import { ZRunImportQuery } from "../schemas/run-import";
import { getMaxUploadBytes, importRun } from "./import-run";
import { formatBytes } from "./upload-meter";
import { BodyReader, multipartFiles } from "./upload-body";

/** Room for multipart boundaries and part headers on top of the file bytes. */
const MULTIPART_SLACK = 1024 * 1024;

function headerFileName(raw: string | null): string | undefined {
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw).trim() || undefined;
  } catch {
    return raw.trim() || undefined;
  }
}

/**
 * `POST /api/v1/projects/{slug}/runs`: the body is streamed to the parser — a raw file (name from
 * `?fileName=` or `x-file-name`) or a multipart form with one or more `file` fields — never
 * buffered. 201 with the run summary, 200 for `?dryRun=1` (nothing stored), 409 duplicate,
 * 422 bad file (details: file, line, reason), 413 over LAUNCHGATE_MAX_UPLOAD_BYTES.
 */
export async function importRunFromRequest(req: NextRequest, access: ProjectAccess, requestId: string): Promise<Response> {
  const query = ZRunImportQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  const maxBytes = getMaxUploadBytes();
  const contentType = req.headers.get("content-type") ?? "";
  const multipart = /^multipart\/form-data/i.test(contentType);
  const cap = maxBytes + (multipart ? MULTIPART_SLACK : 0);
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > cap) {
    return closing(errorResponse(new PayloadTooLargeError(`The upload (${formatBytes(declared)}, ${declared} bytes) is larger than the limit of ${formatBytes(maxBytes)} (${maxBytes} bytes, LAUNCHGATE_MAX_UPLOAD_BYTES); nothing was stored`), requestId));
  }
  const { dryRun, fileName, ...options } = query;
  const body = new BodyReader(req.body);
  let form: ReturnType<typeof multipartFiles> | null = null;
  try {
    form = multipart ? multipartFiles(body, contentType) : null;
    const files: RunFile[] | AsyncIterable<RunFile> = form
      ? form.files
      : [{ name: fileName ?? headerFileName(req.headers.get("x-file-name")) ?? "upload", stream: body.chunks() }];
    const result = await importRun({ project: access.project, actor: access.principal, files, options, dryRun, maxBytes, requestId });
    await form?.stop();
    return NextResponse.json(result, { status: dryRun ? 200 : 201 });
  } catch (caught) {
    const err = form?.failure() ?? caught;
    await form?.stop();
    // Let the client finish sending so it reads the answer; past the limit, close the connection instead.
    const drained = !(err instanceof PayloadTooLargeError) && (await body.discardRest(cap));
    if (body.interrupted) {
      // The client closed the connection mid-upload: nobody reads this answer, and it is no server fault.
      return closing(NextResponse.json({ error: { code: "upload_interrupted", message: "The upload was interrupted; nothing was stored" } }, { status: 400 }));
    }
    const res = errorResponse(err, requestId);
    return drained ? res : closing(res);
  }
}

function closing(res: Response): Response {
  res.headers.set("connection", "close");
  return res;
}
