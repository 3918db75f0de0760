"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { ApiError, api } from "@/lib/client/api";
import { useAnalytics } from "@/lib/query/hooks";
import { formatUsd, percentUsed } from "@/lib/shared/money";
import { useUiStore } from "@/lib/stores/ui-store";

// recharts is loaded only here, on the analytics views.
const ChartSkeleton = () => <div className="h-[260px] animate-pulse rounded-lg bg-border/40" />;
const CostOverTime = dynamic(() => import("./charts").then((m) => m.CostOverTime), {
  ssr: false,
  loading: ChartSkeleton,
});
const CostBars = dynamic(() => import("./charts").then((m) => m.CostBars), { ssr: false, loading: ChartSkeleton });

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-border bg-surface p-4" aria-label={title}>
      <h2 className="mb-3 font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** Spend and usage: cost over time by provider, by type and project, provider comparison, budgets and alerts. */
export function AnalyticsView({ projectId }: { projectId?: string }) {
  const toast = useUiStore((s) => s.toast);
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 29 * 86_400_000)));
  const [to, setTo] = useState(() => isoDay(new Date()));
  const analytics = useAnalytics({ from, to, projectId });
  const d = analytics.data;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="range-from" className="block text-sm font-medium">
            From
          </label>
          <input
            id="range-from"
            type="date"
            value={from}
            max={to}
            onChange={(e) => e.target.value && setFrom(e.target.value)}
            className="mt-1 rounded-md border border-border bg-surface px-3 py-1.5"
          />
        </div>
        <div>
          <label htmlFor="range-to" className="block text-sm font-medium">
            To
          </label>
          <input
            id="range-to"
            type="date"
            value={to}
            min={from}
            onChange={(e) => e.target.value && setTo(e.target.value)}
            className="mt-1 rounded-md border border-border bg-surface px-3 py-1.5"
          />
        </div>
        <p className="ml-auto text-right">
          <span className="block text-sm text-muted">Total spend</span>
          <span className="text-2xl font-semibold" data-testid="total-spend">
            {d ? formatUsd(d.byDay.totals.costCents) : "…"}
          </span>
          <span className="block text-xs text-muted">{d ? `${d.byDay.totals.requests} generations` : "\u00a0"}</span>
        </p>
      </div>

      {analytics.isError ? (
        <p role="alert" className="text-danger">
          Analytics could not be loaded.
        </p>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Cost over time, by provider">
          {d ? <CostOverTime groups={d.byDay.groups} /> : <ChartSkeleton />}
        </Card>
        <Card title="Cost by type">{d ? <CostBars groups={d.byType.groups} /> : <ChartSkeleton />}</Card>
        {!projectId ? (
          <Card title="Cost by project">{d ? <CostBars groups={d.byProject.groups} /> : <ChartSkeleton />}</Card>
        ) : null}
        <Card title="Budgets">
          <ul className="space-y-3">
            {(d?.projects ?? [])
              .filter((p) => !projectId || p.id === projectId)
              .map((p) => {
                const pct = percentUsed(p.spentCents, p.budgetCents);
                return (
                  <li key={p.id}>
                    <div className="flex justify-between text-sm">
                      <span className="truncate font-medium">{p.name}</span>
                      <span>
                        {formatUsd(p.spentCents)} / {p.budgetCents == null ? "no budget" : formatUsd(p.budgetCents)}
                      </span>
                    </div>
                    {pct != null ? (
                      <div
                        role="progressbar"
                        aria-label={`${p.name} budget used`}
                        aria-valuenow={Math.round(pct)}
                        aria-valuemin={0}
                        aria-valuemax={100}
                        className="mt-1 h-2 overflow-hidden rounded-full bg-border"
                      >
                        <div
                          className={`h-full ${pct >= 100 ? "bg-danger" : "bg-accent"}`}
                          style={{ width: `${pct}%` }}
                        />
                      </div>
                    ) : null}
                  </li>
                );
              })}
          </ul>
        </Card>
      </div>

      <Card title="Provider comparison">
        {/* A scrollable region must be reachable by keyboard (WCAG 2.1.1), hence the tab stop. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll the table */}
        <section className="overflow-x-auto" tabIndex={0} aria-label="Provider comparison table">
          <table className="w-full text-left text-sm">
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Provider
                </th>
                <th scope="col" className="py-1 pr-3">
                  Type
                </th>
                <th scope="col" className="py-1 pr-3">
                  Requests
                </th>
                <th scope="col" className="py-1 pr-3">
                  Success
                </th>
                <th scope="col" className="py-1 pr-3">
                  p50
                </th>
                <th scope="col" className="py-1 pr-3">
                  p95
                </th>
                <th scope="col" className="py-1 pr-3">
                  Avg cost
                </th>
              </tr>
            </thead>
            <tbody>
              {(d?.providers.providers ?? []).map((r) => (
                <tr key={`${r.provider}-${r.type}`} className="border-t border-border">
                  <td className="py-1 pr-3">{r.provider}</td>
                  <td className="py-1 pr-3">{r.type}</td>
                  <td className="py-1 pr-3">{r.requests}</td>
                  <td className="py-1 pr-3">{Math.round(r.successRate * 100)}%</td>
                  <td className="py-1 pr-3">{r.p50Ms == null ? "—" : `${r.p50Ms} ms`}</td>
                  <td className="py-1 pr-3">{r.p95Ms == null ? "—" : `${r.p95Ms} ms`}</td>
                  <td className="py-1 pr-3">{formatUsd(r.avgCostCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {d && d.providers.providers.length === 0 ? (
            <p className="py-2 text-sm text-muted">No generations in this range.</p>
          ) : null}
        </section>
      </Card>

      <Card title="Budget alerts">
        {(d?.alerts ?? []).length === 0 ? (
          <p className="text-sm text-muted">No alerts.</p>
        ) : (
          <ul className="space-y-2" data-testid="alerts">
            {(d?.alerts ?? []).map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-3 text-sm">
                <span className={a.acknowledgedAt ? "text-muted" : "font-medium"}>
                  {a.projectName}: {a.thresholdPercent}% of its {formatUsd(a.budgetCents)} budget reached (
                  {formatUsd(a.currentSpendCents)} spent)
                </span>
                {a.acknowledgedAt ? (
                  <span className="text-xs text-muted">acknowledged</span>
                ) : (
                  <button
                    type="button"
                    className="rounded-md border border-border px-2 py-1 text-xs"
                    onClick={async () => {
                      try {
                        await api(`/api/budget-alerts/${a.id}/acknowledge`, { method: "POST" });
                        await analytics.refetch();
                      } catch (error) {
                        toast("error", error instanceof ApiError ? error.message : "Could not acknowledge.");
                      }
                    }}
                  >
                    Acknowledge
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
