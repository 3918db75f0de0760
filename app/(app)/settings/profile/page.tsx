import type { Metadata } from "next";
import { AvatarPicker, PasswordForm, ProfileForm } from "@/components/settings/profile-forms";
import { getAuth } from "@/lib/server/auth";
import { requirePageUser } from "@/lib/server/auth/page-user";
import { getProfile } from "@/lib/server/users/get-profile";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requirePageUser();
  const profile = await getProfile(user);
  return (
    <div className="space-y-10">
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="mb-4 text-lg font-semibold">
          Profile
        </h2>
        <div className="mb-6">
          <AvatarPicker
            avatarUrl={profile.avatarUrl}
            fallback={(profile.name || profile.email).slice(0, 2).toUpperCase()}
          />
        </div>
        <ProfileForm name={profile.name} email={profile.email} />
      </section>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading" className="mb-4 text-lg font-semibold">
          Password
        </h2>
        {getAuth().kind === "local" ? (
          <PasswordForm email={profile.email} />
        ) : (
          <p className="text-sm text-muted">Your password is managed by Supabase Auth.</p>
        )}
      </section>
    </div>
  );
}
