import { WEBHOOK_EVENT_LABEL, type WebhookPayload } from "./events";

const VERDICT: Record<string, string> = { GO: "GO", CONDITIONAL_GO: "CONDITIONAL GO", NO_GO: "NO-GO" };
const str = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : JSON.stringify(v));
/** Slack mrkdwn treats &, < and > as control characters. */
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** One line saying what happened, from the event's data. */
export function describeEvent(p: WebhookPayload): string {
  const d = p.data;
  switch (p.event) {
    case "verdict.changed": return `Verdict changed from ${VERDICT[str(d.from)] ?? str(d.from)} to ${VERDICT[str(d.to)] ?? str(d.to)}`;
    case "gate.changed": return `Gate “${str(d.label) || str(d.gate)}” is now ${str(d.to)} (was ${str(d.from)})${d.reason ? `: ${str(d.reason)}` : ""}`;
    case "decision.signed": return `${str(d.signedBy)} signed ${VERDICT[str(d.verdict)] ?? str(d.verdict)}${d.comment ? `: ${str(d.comment)}` : ""}`;
    case "risk.expiring": return `Risk acceptance “${str(d.subject)}” expires on ${str(d.expiresOn)}`;
    case "risk.expired": return `Risk acceptance “${str(d.subject)}” expired on ${str(d.expiresOn)}: it blocks again`;
    case "blocker.opened": return `Blocker opened: ${str(d.title)}`;
    case "blocker.resolved": return `Blocker resolved: ${str(d.title)}`;
    case "evidence.expired": return `Evidence expired: ${str(d.title)}`;
    case "test": return "Test event from Launchgate: this endpoint is set up correctly";
  }
}

/** A Slack incoming-webhook body: `text` (notifications, fallbacks) and `blocks`. */
export function formatSlackMessage(p: WebhookPayload, projectUrl?: string): { text: string; blocks: unknown[] } {
  const line = esc(describeEvent(p));
  const title = `${p.project.name}: ${WEBHOOK_EVENT_LABEL[p.event]}`;
  const name = projectUrl ? `<${projectUrl}|${esc(p.project.name)}>` : `*${esc(p.project.name)}*`;
  return {
    text: `${esc(p.project.name)}: ${line}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: title.slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: `${name}\n${line}` } },
      { type: "context", elements: [{ type: "mrkdwn", text: `${p.event} · ${p.at} · delivery ${p.id}` }] },
    ],
  };
}
