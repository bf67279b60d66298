/** Next.js calls this once when a server process starts: the webhook worker starts here. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureWebhookWorker } = await import("./lib/server/webhooks/start-worker");
  await ensureWebhookWorker().catch((err) => console.error("[launchgate] webhook worker did not start:", err));
}
