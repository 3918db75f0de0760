"use client";

import { useEffect, useState } from "react";

/** False until React has hydrated: forms keep their submit disabled so nothing is sent natively (e.g. a password in a URL). */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
