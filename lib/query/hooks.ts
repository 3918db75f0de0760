"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { forgetAssetOffline } from "@/lib/shared/pwa";

export type ProjectItem = {
  id: string;
  name: string;
  budgetCents: string | null;
  spentCents: string;
  reservedCents: string;
  archivedAt: string | null;
};
export type AssetItem = {
  id: string;
  projectId: string;
  generationId: string | null;
  type: string;
  name: string | null;
  fileUrl: string;
  thumbnailUrl: string | null;
  tags: string[];
  favorite: boolean;
  archivedAt: string | null;
  createdAt: string;
  prompt?: string | null;
  width: number | null;
  height: number | null;
};
export type AssetFilters = {
  projectId?: string;
  type?: string;
  tag?: string;
  favorite?: boolean;
  archived?: "true" | "false";
  q?: string;
};

const qs = (params: Record<string, string | number | boolean | undefined | null>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : "";
};

export function useProjects() {
  return useQuery({ queryKey: ["projects"], queryFn: () => api<ProjectItem[]>("/api/projects") });
}

export function useAssets(filters: AssetFilters) {
  return useQuery({
    queryKey: ["assets", filters],
    queryFn: () =>
      api<{ items: AssetItem[]; nextCursor: string | null }>(`/api/assets${qs({ ...filters, limit: 100 })}`),
  });
}

export function useUpdateAssets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ ids, patch }: { ids: string[]; patch: Record<string, unknown> }) => {
      for (const id of ids) await api(`/api/assets/${id}`, { method: "PUT", body: patch });
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["assets"] }),
  });
}

export function useDeleteAssets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) {
        await api(`/api/assets/${id}`, { method: "DELETE" });
        await forgetAssetOffline(id);
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["assets"] }),
  });
}

export function useGenerations(filters: { projectId?: string }) {
  return useQuery({
    queryKey: ["generations", filters],
    queryFn: () => api<{ items: unknown[]; nextCursor: string | null }>(`/api/generations${qs(filters)}`),
  });
}

export type AnalyticsRange = { from: string; to: string; projectId?: string };
export type ReportGroup = {
  key: string;
  provider?: string | null;
  requests: number;
  successes: number;
  failures: number;
  tokens: string;
  costCents: string;
};
export type Report = {
  from: string;
  to: string;
  totals: { requests: number; costCents: string; tokens: string };
  groups: ReportGroup[];
};
export type ProviderRow = {
  provider: string;
  type: string;
  requests: number;
  successRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  avgCostCents: string | null;
};
export type AlertItem = {
  id: string;
  projectId: string;
  projectName: string;
  type: string;
  thresholdPercent: number | null;
  currentSpendCents: string | null;
  budgetCents: string | null;
  triggeredAt: string;
  acknowledgedAt: string | null;
};

export function useAnalytics(range: AnalyticsRange) {
  return useQuery({
    queryKey: ["analytics", range],
    queryFn: async () => {
      const base = { from: range.from, to: range.to, projectId: range.projectId };
      const [byDay, byType, byProject, providers, alerts, projects] = await Promise.all([
        api<Report>(`/api/analytics/cost${qs({ ...base, groupBy: "day" })}`),
        api<Report>(`/api/analytics/cost${qs({ ...base, groupBy: "type" })}`),
        api<Report>(`/api/analytics/cost${qs({ ...base, groupBy: "project" })}`),
        api<{ providers: ProviderRow[] }>(`/api/analytics/provider${qs(base)}`),
        api<AlertItem[]>(`/api/budget-alerts${qs({ projectId: range.projectId })}`),
        api<ProjectItem[]>("/api/projects"),
      ]);
      return { byDay, byType, byProject, providers, alerts, projects };
    },
  });
}
