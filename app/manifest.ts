import type { MetadataRoute } from "next";

/** The web app manifest: name, icons (with a maskable one), colours, standalone display, shortcuts. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Atelier",
    short_name: "Atelier",
    description: "Your AI media workspace: text, images, video and audio with your own keys, on a budget.",
    id: "/",
    start_url: "/projects",
    scope: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#4f46e5",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [
      { name: "Generate", url: "/generate", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] },
      { name: "Projects", url: "/projects", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] },
    ],
  };
}
