"use client";

import { create } from "zustand";
import { persist } from "zustand/middleware";

/** The project the user is working in (remembered across visits). */
export const useProjectStore = create<{ projectId: string | null; select: (id: string | null) => void }>()(
  persist((set) => ({ projectId: null, select: (projectId) => set({ projectId }) }), { name: "atelier-project" }),
);
