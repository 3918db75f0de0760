import type { Metadata } from "next";
import { BudgetsForm } from "@/components/settings/budgets-form";
import { requirePageUser } from "@/lib/server/auth/page-user";
import { asUser } from "@/lib/server/db/rls";
import { listProjects } from "@/lib/server/projects/list-projects";

export const metadata: Metadata = { title: "Budgets" };

export default async function BudgetsPage() {
  const user = await requirePageUser();
  const projects = await asUser(user.id, (tx) => listProjects(tx, { userId: user.id, archived: "false" }));
  return (
    <>
      <p className="mb-4 text-sm text-muted">
        A generation that would take a project over its budget is refused before it is sent. Alerts are raised once as
        spending crosses each threshold.
      </p>
      <BudgetsForm projects={projects} />
    </>
  );
}
