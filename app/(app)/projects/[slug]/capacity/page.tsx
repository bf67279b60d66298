import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built";

export const metadata: Metadata = { title: "Capacity" };

export default function Page() {
  return <NotBuiltYet what="Capacity" />;
}
