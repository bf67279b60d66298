/** Every event a webhook endpoint can subscribe to (`events` omitted = all of them). */
export const WEBHOOK_EVENTS = [
  "verdict.changed",
  "gate.changed",
  "blocker.opened",
  "blocker.resolved",
  "risk.expiring",
  "risk.expired",
  "decision.signed",
  "evidence.expired",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** Sent only by "Send test event" to the one endpoint it is pressed for. */
export type DeliveredEvent = WebhookEvent | "test";

export const WEBHOOK_EVENT_LABEL: Record<DeliveredEvent, string> = {
  "verdict.changed": "Verdict changed",
  "gate.changed": "Gate changed",
  "blocker.opened": "Blocker opened by a run",
  "blocker.resolved": "Blocker resolved by a run",
  "risk.expiring": "Risk acceptance expiring in 3 days",
  "risk.expired": "Risk acceptance expired",
  "decision.signed": "Decision signed",
  "evidence.expired": "Evidence expired",
  test: "Test event",
};

/** The body of every delivery. `id` is the delivery id (also X-Launchgate-Delivery). */
export interface WebhookPayload {
  id: string;
  event: DeliveredEvent;
  project: { slug: string; name: string };
  at: string;
  data: Record<string, unknown>;
}

/** Whether an endpoint subscribed to `events` gets `event` (an empty list means every event). */
export function endpointWants(events: readonly string[], event: DeliveredEvent): boolean {
  return event === "test" || events.length === 0 || events.includes(event);
}
