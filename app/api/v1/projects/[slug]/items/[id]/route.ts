import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { deleteItem } from "@/lib/server/items/create-item";
import { updateItem } from "@/lib/server/items/update-item";
import { ZItemPatch } from "@/lib/server/schemas/item";

export const dynamic = "force-dynamic";
type P = { slug: string; id: string };

export const PATCH = apiRoute<P>({ route: "/api/v1/projects/{slug}/items/{id}", role: "ENGINEER" }, async ({ req, access, params, requestId }) =>
  updateItem(access!, params.id, await parseJsonBody(req, ZItemPatch), requestId),
);

export const DELETE = apiRoute<P>({ route: "/api/v1/projects/{slug}/items/{id}", role: "LEAD" }, async ({ req, access, params, requestId }) => {
  const raw = req.nextUrl.searchParams.get("version");
  const version = raw === null ? null : z.coerce.number().int().min(1).parse(raw);
  await deleteItem(access!, params.id, version, requestId);
  return new NextResponse(null, { status: 204 });
});
