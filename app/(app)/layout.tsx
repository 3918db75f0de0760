import Link from "next/link";
import { AppNav } from "@/components/app-nav";
import { LogoutButton } from "@/components/logout-button";
import { requirePageUser } from "@/lib/server/auth/page-user";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="min-h-dvh md:grid md:grid-cols-[14rem_1fr]">
      <aside className="hidden border-r border-border p-4 md:flex md:flex-col md:gap-6">
        <Link href="/projects" className="px-3 text-lg font-semibold tracking-tight">
          Atelier
        </Link>
        <AppNav variant="sidebar" />
        <div className="mt-auto space-y-1 px-3">
          <p className="truncate text-sm text-muted" title={user.email}>
            {user.email}
          </p>
          <LogoutButton />
        </div>
      </aside>
      <div className="flex min-h-dvh flex-col pb-16 md:pb-0">
        <header className="flex items-center justify-between border-b border-border px-4 py-3 md:hidden">
          <Link href="/projects" className="text-lg font-semibold tracking-tight">
            Atelier
          </Link>
          <LogoutButton />
        </header>
        <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 md:px-8">{children}</main>
      </div>
      <AppNav variant="bottom" />
    </div>
  );
}
