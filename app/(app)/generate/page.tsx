import type { Metadata } from "next";
import { GenerationForm } from "@/components/generate/generation-form";
import { Providers } from "@/components/providers";

export const metadata: Metadata = { title: "Generate" };

export default function GeneratePage() {
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Generate</h1>
      <Providers>
        <GenerationForm />
      </Providers>
    </>
  );
}
