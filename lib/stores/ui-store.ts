"use client";

import { create } from "zustand";

export type Toast = { id: number; kind: "success" | "error" | "info"; message: string };

type UiState = {
  toasts: Toast[];
  toast: (kind: Toast["kind"], message: string) => void;
  dismiss: (id: number) => void;
};

let nextId = 1;

/** UI state: toasts announcing outcomes. */
export const useUiStore = create<UiState>((set) => ({
  toasts: [],
  toast: (kind, message) => {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, message }] }));
    setTimeout(() => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), kind === "error" ? 8000 : 4000);
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
