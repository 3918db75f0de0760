import type { Metadata } from "next";

export const metadata: Metadata = { title: "Settings" };

export default function Page() {
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Settings</h1>
      <div className="rounded-xl border border-dashed border-border p-10 text-center text-muted">
        This part of Atelier is not built yet.
      </div>
    </>
  );
}
