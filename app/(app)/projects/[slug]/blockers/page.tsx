import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built";

export const metadata: Metadata = { title: "Blockers & burndown" };

export default function Page() {
  return <NotBuiltYet what="Blockers & burndown" />;
}
