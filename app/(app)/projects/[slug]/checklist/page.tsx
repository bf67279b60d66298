import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built";

export const metadata: Metadata = { title: "Checklist" };

export default function Page() {
  return <NotBuiltYet what="Checklist" />;
}
