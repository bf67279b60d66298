import "server-only";
import { CHECKLIST_CSV_HEADER, checklistCsvRow, toCsvLine } from "@/lib/domain/view/checklist-csv";
import type { TItemQuery } from "../schemas/item";
import { getDb } from "../db";
import { ITEM_SELECT, toItemDto } from "./item-dto";
import { itemOrderBy, resolveItemWhere } from "./list-items";

const BATCH = 500;

/**
 * The items a checklist query selects (all pages, same filter, search and order), as CSV text in
 * batches: the first chunk carries a BOM and the header; memory stays bounded by the batch size.
 */
export async function* exportItemsCsv(projectId: string, q: Omit<TItemQuery, "page" | "pageSize">): AsyncGenerator<string> {
  yield "\uFEFF" + toCsvLine(CHECKLIST_CSV_HEADER);
  const where = await resolveItemWhere(projectId, q);
  const orderBy = itemOrderBy(q);
  for (let skip = 0; ; skip += BATCH) {
    const rows = await getDb().checklistItem.findMany({ where, select: ITEM_SELECT, orderBy, skip, take: BATCH });
    if (rows.length) yield rows.map((r) => checklistCsvRow(toItemDto(r))).join("");
    if (rows.length < BATCH) return;
  }
}

/** A byte stream of the export for a Response body; the first batch is read before answering so errors map to a status. */
export async function exportItemsCsvStream(projectId: string, q: Omit<TItemQuery, "page" | "pageSize">): Promise<ReadableStream<Uint8Array>> {
  const chunks = exportItemsCsv(projectId, q);
  const encoder = new TextEncoder();
  const header = await chunks.next();
  const first = await chunks.next();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (!header.done) controller.enqueue(encoder.encode(header.value));
      if (!first.done) controller.enqueue(encoder.encode(first.value));
      else controller.close();
    },
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
