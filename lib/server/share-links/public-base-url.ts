import "server-only";

/** The app's public origin: NEXTAUTH_URL when set (behind a proxy), else the request's own host. */
export function publicBaseUrl(headers: Headers): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/$/, "");
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "127.0.0.1:3000";
  const proto = headers.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
