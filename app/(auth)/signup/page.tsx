import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { AuthForm } from "@/components/auth-form";
import { optionalPageUser } from "@/lib/server/auth/page-user";

export const metadata: Metadata = { title: "Create your account" };

export default async function Page() {
  if (await optionalPageUser()) redirect("/projects");
  return (
    <div className="rounded-xl border border-border bg-surface p-6 shadow-sm">
      <h1 className="mb-6 text-xl font-semibold">Create your account</h1>
      <Suspense>
        <AuthForm mode="signup" />
      </Suspense>
    </div>
  );
}
