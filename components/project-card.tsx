import Link from "next/link";
import type { Project } from "@/lib/server/projects/to-project";
import { formatUsd, percentUsed } from "@/lib/shared/money";

/** A project's card: thumbnail (or a placeholder drawn from its name), name, description, budget and spend. */
export function ProjectCard({ project }: { project: Project }) {
  const pct = percentUsed(project.spentCents, project.budgetCents);
  const hue = [...project.id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 0);
  return (
    <li className="overflow-hidden rounded-xl border border-border bg-surface shadow-sm">
      <Link href={`/projects/${project.id}`} className="block focus-visible:outline-offset-[-2px]">
        <div
          aria-hidden="true"
          className="aspect-[16/7] w-full"
          style={{ background: `linear-gradient(135deg, hsl(${hue} 70% 60%), hsl(${(hue + 60) % 360} 70% 45%))` }}
        />
        <div className="space-y-2 p-4">
          <h2 className="truncate font-semibold">{project.name}</h2>
          <p className="line-clamp-2 min-h-10 text-sm text-muted">{project.description || "No description"}</p>
          <p className="text-sm">
            <span className="font-medium">{formatUsd(project.spentCents)}</span>
            <span className="text-muted">
              {" "}
              spent of {project.budgetCents == null ? "no budget" : formatUsd(project.budgetCents)}
            </span>
          </p>
          {pct != null ? (
            <div
              role="progressbar"
              aria-label="Budget used"
              aria-valuenow={Math.round(pct)}
              aria-valuemin={0}
              aria-valuemax={100}
              className="h-1.5 overflow-hidden rounded-full bg-border"
            >
              <div className={`h-full ${pct >= 100 ? "bg-danger" : "bg-accent"}`} style={{ width: `${pct}%` }} />
            </div>
          ) : null}
          {project.archivedAt ? <p className="text-xs font-medium text-muted">Archived</p> : null}
        </div>
      </Link>
    </li>
  );
}
