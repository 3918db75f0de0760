"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/providers", label: "Providers" },
  { href: "/settings/budgets", label: "Budgets" },
  { href: "/settings/profile", label: "Profile" },
];

export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings sections" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex gap-1 border-b border-border">
        {SECTIONS.map((s) => {
          const current = pathname === s.href;
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px block whitespace-nowrap border-b-2 px-4 py-2 text-sm ${current ? "border-accent font-semibold text-accent" : "border-transparent text-muted"}`}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
