"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signDecision, ZDecisionCreate } from "../decisions/decisions";
import { acceptGateRisk, revokeRisk } from "../items/accept-risk";
import { todayUtc } from "../readiness/load-readiness-input";
import { ZRiskAcceptance } from "../schemas/item";
import { projectAction } from "./project-action";

const revalidateProject = (slug: string) => revalidatePath(`/projects/${slug}`, "layout");

const sign = projectAction({ name: "signDecision", role: "LEAD", schema: ZDecisionCreate }, (access, input, requestId) =>
  signDecision(access, input, todayUtc(), requestId),
);
const ZGateRisk = ZRiskAcceptance.extend({ gateId: z.enum(["capacity", "anomaly", "stability", "objectives"]) });
const acceptGate = projectAction({ name: "acceptGateRisk", role: "LEAD", schema: ZGateRisk }, (access, { gateId, ...input }, requestId) =>
  acceptGateRisk(access, gateId, input, todayUtc(), requestId),
);
const revoke = projectAction({ name: "revokeRisk", role: "LEAD", schema: z.object({ id: z.string().min(1) }).strict() }, (access, input, requestId) =>
  revokeRisk(access, input.id, requestId),
);

export async function signDecisionAction(slug: string, raw: unknown) {
  const res = await sign(slug, raw);
  if (res.ok) revalidateProject(slug);
  return res;
}

export async function acceptGateRiskAction(slug: string, raw: unknown) {
  const res = await acceptGate(slug, raw);
  if (res.ok) revalidateProject(slug);
  return res;
}

export async function revokeRiskAction(slug: string, raw: unknown) {
  const res = await revoke(slug, raw);
  if (res.ok) revalidateProject(slug);
  return res;
}
