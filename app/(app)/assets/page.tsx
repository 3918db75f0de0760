import type { Metadata } from "next";
import { AssetLibrary } from "@/components/assets/asset-library";
import { Providers } from "@/components/providers";

export const metadata: Metadata = { title: "Library" };

export default function AssetsPage() {
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Library</h1>
      <Providers>
        <AssetLibrary />
      </Providers>
    </>
  );
}
