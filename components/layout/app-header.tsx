import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ user }: { user: { name: string; email: string; isAdmin: boolean } }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3">
        <div className="flex items-center gap-6">
          <Link href="/" className="text-lg font-semibold tracking-tight">Launchgate</Link>
          <Link href="/" className="text-sm text-slate-600 hover:text-slate-900">Portfolio</Link>
        </div>
        <div className="flex items-center gap-3 text-sm">
          <span className="hidden text-slate-700 sm:inline" title={user.email}>{user.name}</span>
          {user.isAdmin && <span className="rounded bg-purple-100 px-2 py-0.5 text-xs font-medium text-purple-800">ADMIN</span>}
          <SignOutButton />
        </div>
      </nav>
    </header>
  );
}
