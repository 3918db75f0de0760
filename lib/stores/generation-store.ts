"use client";

import { create } from "zustand";
import type { GenerationType } from "@/lib/shared/providers";

export type GenerationForm = {
  type: GenerationType;
  providerModel: string; // "provider::model", or "" for the router's choice
  prompt: string;
  maxTokens: number;
  temperature: number;
  size: string;
  quality: string;
  count: number;
  seconds: number;
  aspectRatio: string;
  voice: string;
  format: string;
};

type GenerationState = {
  form: GenerationForm;
  set: (patch: Partial<GenerationForm>) => void;
  reset: (patch?: Partial<GenerationForm>) => void;
};

const initial: GenerationForm = {
  type: "text",
  providerModel: "",
  prompt: "",
  maxTokens: 512,
  temperature: 0.7,
  size: "1024x1024",
  quality: "",
  count: 1,
  seconds: 4,
  aspectRatio: "16:9",
  voice: "",
  format: "mp3",
};

/** The generation form, kept while the user moves between pages. */
export const useGenerationStore = create<GenerationState>((set) => ({
  form: initial,
  set: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),
  reset: (patch = {}) => set({ form: { ...initial, ...patch } }),
}));
