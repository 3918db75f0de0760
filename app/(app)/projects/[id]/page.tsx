import type { Metadata } from "next";
import Link from "next/link";
import { AnalyticsView } from "@/components/analytics/analytics-view";
import { AssetLibrary } from "@/components/assets/asset-library";
import { GenerationForm } from "@/components/generate/generation-form";
import { ProjectActions } from "@/components/project-actions";
import { Providers } from "@/components/providers";
import { loadProjectForPage } from "@/lib/server/projects/load-project-page";
import { formatUsd } from "@/lib/shared/money";

export const metadata: Metadata = { title: "Project" };

const TABS = [
  { id: "assets", label: "Assets" },
  { id: "generate", label: "Generate" },
  { id: "analytics", label: "Analytics" },
] as const;

export default async function ProjectPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const project = await loadProjectForPage((await params).id);
  const requested = (await searchParams).tab;
  const tab = TABS.find((t) => t.id === requested) ?? TABS[0];
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/projects" className="text-accent underline">
          Projects
        </Link>
      </nav>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="break-words text-2xl font-semibold">{project.name}</h1>
          {project.description ? <p className="mt-1 text-muted">{project.description}</p> : null}
          <p className="mt-2 text-sm">
            {formatUsd(project.spentCents)} spent of{" "}
            {project.budgetCents == null ? "no budget" : formatUsd(project.budgetCents)}
            {project.archivedAt ? <span className="ml-2 font-medium text-muted">· Archived</span> : null}
          </p>
        </div>
        <ProjectActions id={project.id} name={project.name} archived={project.archivedAt != null} />
      </div>
      <div className="mb-4 flex gap-1 border-b border-border" role="tablist" aria-label="Project sections">
        {TABS.map((t) => (
          <Link
            key={t.id}
            role="tab"
            aria-selected={t.id === tab.id}
            href={`/projects/${project.id}?tab=${t.id}`}
            className={`-mb-px border-b-2 px-4 py-2 text-sm ${t.id === tab.id ? "border-accent font-semibold text-accent" : "border-transparent text-muted"}`}
          >
            {t.label}
          </Link>
        ))}
      </div>
      <Providers>
        <section role="tabpanel" aria-label={tab.label}>
          {tab.id === "assets" ? <AssetLibrary projectId={project.id} /> : null}
          {tab.id === "generate" ? <GenerationForm fixedProjectId={project.id} /> : null}
          {tab.id === "analytics" ? <AnalyticsView projectId={project.id} /> : null}
        </section>
      </Providers>
    </>
  );
}
