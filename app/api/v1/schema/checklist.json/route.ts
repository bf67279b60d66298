import { NextResponse } from "next/server";
import { checklistJsonSchema } from "@/lib/domain/checklist-file";

export const dynamic = "force-static";

/** The JSON Schema of the checklist file (public: editors fetch it without a token). */
export async function GET() {
  return NextResponse.json(checklistJsonSchema(), {
    headers: { "content-type": "application/schema+json; charset=utf-8", "cache-control": "public, max-age=3600", "access-control-allow-origin": "*" },
  });
}
