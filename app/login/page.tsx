import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getSessionUser } from "@/lib/server/access";
import { LOGIN_ERRORS, loginMethods } from "@/lib/server/auth-options";

export const metadata: Metadata = { title: "Sign in" };

function safeCallback(raw: string | undefined): string {
  // Only same-site paths: never an open redirect.
  return raw && raw.startsWith("/") && !raw.startsWith("//") ? raw : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const methods = loginMethods();
  const errorText = error ? ((LOGIN_ERRORS as Record<string, string>)[error] ?? "Sign-in failed. Try again.") : null;
  const target = safeCallback(callbackUrl && callbackUrl.startsWith("http") ? new URL(callbackUrl).pathname : callbackUrl);
  if (await getSessionUser().catch(() => null)) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold">Launchgate</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">Sign in to see your projects&apos; readiness.</p>
        <LoginForm callbackUrl={target} password={methods.password} oidc={methods.oidc} initialError={errorText} />
      </div>
    </main>
  );
}
