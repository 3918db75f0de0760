import type { Metadata } from "next";
import { ProjectForm } from "@/components/project-form";
import { loadProjectForPage } from "@/lib/server/projects/load-project-page";

export const metadata: Metadata = { title: "Edit project" };

export default async function EditProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const project = await loadProjectForPage((await params).id);
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Edit project</h1>
      <ProjectForm initial={project} />
    </>
  );
}
