import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built";

export const metadata: Metadata = { title: "Go/No-Go" };

export default function Page() {
  return <NotBuiltYet what="Go/No-Go" />;
}
