import "server-only";
import { signWebhook } from "@/lib/domain/webhooks/sign";
import { formatSlackMessage } from "@/lib/domain/webhooks/slack";
import type { WebhookPayload } from "@/lib/domain/webhooks/events";

export interface DeliveryTarget { url: string; secret: string; format: string }

/** The exact bytes sent for a delivery: the payload itself, or a Slack message built from it. */
export function deliveryBody(payload: WebhookPayload, format: string, appUrl?: string): string {
  if (format === "slack") return JSON.stringify(formatSlackMessage(payload, appUrl ? `${appUrl}/projects/${payload.project.slug}/go-no-go` : undefined));
  return JSON.stringify(payload);
}

/** One HTTP attempt. Any 2xx is success; anything else (or no answer in time) is a failure to retry. */
export async function postDelivery(target: DeliveryTarget, payload: WebhookPayload, opts: { timeoutMs: number; appUrl?: string; now?: Date }): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const body = deliveryBody(payload, target.format, opts.appUrl);
  const t = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  try {
    const res = await fetch(target.url, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(opts.timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "Launchgate-Webhooks/1",
        "x-launchgate-event": payload.event,
        "x-launchgate-delivery": payload.id,
        "x-launchgate-signature": signWebhook(target.secret, body, t),
      },
    });
    await res.arrayBuffer().catch(() => undefined);
    const ok = res.status >= 200 && res.status < 300;
    return { ok, status: res.status, error: ok ? null : `HTTP ${res.status}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const msg = e.name === "TimeoutError" ? `no answer within ${opts.timeoutMs} ms` : (e.cause?.code ?? e.message);
    return { ok: false, status: null, error: String(msg).slice(0, 300) };
  }
}
