import type { Metadata } from "next";
import { ProjectForm } from "@/components/project-form";

export const metadata: Metadata = { title: "New project" };

export default function NewProjectPage() {
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">New project</h1>
      <ProjectForm />
    </>
  );
}
