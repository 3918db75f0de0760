import type { Metadata } from "next";
import { ProviderSettingsForm } from "@/components/settings/provider-settings-form";
import { requirePageUser } from "@/lib/server/auth/page-user";
import { asUser } from "@/lib/server/db/rls";
import { getProviderSettings } from "@/lib/server/provider-settings/get-provider-settings";

export const metadata: Metadata = { title: "Providers" };

export default async function ProvidersPage() {
  const user = await requirePageUser();
  const settings = await asUser(user.id, (tx) => getProviderSettings(tx, { userId: user.id }));
  return <ProviderSettingsForm initial={settings} />;
}
