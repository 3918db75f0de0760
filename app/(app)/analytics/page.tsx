import type { Metadata } from "next";
import { AnalyticsView } from "@/components/analytics/analytics-view";
import { Providers } from "@/components/providers";

export const metadata: Metadata = { title: "Analytics" };

export default function AnalyticsPage() {
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Analytics</h1>
      <Providers>
        <AnalyticsView />
      </Providers>
    </>
  );
}
