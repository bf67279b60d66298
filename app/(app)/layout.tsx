import { AppHeader } from "@/components/layout/app-header";
import { requireUser } from "@/lib/server/access";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <AppHeader user={user} />
      <div className="mx-auto max-w-7xl px-4 py-6">{children}</div>
    </>
  );
}
