import type { Metadata } from "next";
import Link from "next/link";
import { ProjectCard } from "@/components/project-card";
import { requirePageUser } from "@/lib/server/auth/page-user";
import { asUser } from "@/lib/server/db/rls";
import { listProjects } from "@/lib/server/projects/list-projects";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const user = await requirePageUser();
  const showArchived = (await searchParams).archived === "true";
  const projects = await asUser(user.id, (tx) =>
    listProjects(tx, { userId: user.id, archived: showArchived ? "true" : "false" }),
  );
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{showArchived ? "Archived projects" : "Projects"}</h1>
        <div className="flex items-center gap-3">
          <Link href={showArchived ? "/projects" : "/projects?archived=true"} className="text-sm text-accent underline">
            {showArchived ? "Active projects" : "Archived"}
          </Link>
          <Link href="/projects/new" className="rounded-md bg-accent px-4 py-2 font-medium text-accent-fg">
            New project
          </Link>
        </div>
      </div>
      {projects.length === 0 ? (
        <div className="rounded-xl border border-dashed border-border p-10 text-center">
          <p className="font-medium">{showArchived ? "No archived projects." : "No projects yet."}</p>
          {showArchived ? null : (
            <p className="mt-1 text-sm text-muted">Create one to organise your generations and give them a budget.</p>
          )}
        </div>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {projects.map((p) => (
            <ProjectCard key={p.id} project={p} />
          ))}
        </ul>
      )}
    </>
  );
}
