import type { Metadata, Viewport } from "next";
import { Pwa } from "@/components/pwa";
import { SentryBrowser } from "@/components/sentry-browser";
import { getSentryConfig } from "@/lib/server/config-sentry";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Atelier", template: "%s · Atelier" },
  description: "Your AI media workspace: text, images, video and audio with your own keys, on a budget.",
  applicationName: "Atelier",
  icons: { icon: "/icons/icon-192.png", apple: "/icons/apple-touch-icon.png" },
  appleWebApp: { capable: true, title: "Atelier", statusBarStyle: "default" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  const sentry = getSentryConfig();
  return (
    <html lang="en">
      <body className="min-h-dvh antialiased font-sans">
        {children}
        <Pwa />
        {sentry ? <SentryBrowser dsn={sentry.dsn} environment={sentry.environment} /> : null}
      </body>
    </html>
  );
}
