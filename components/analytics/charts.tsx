"use client";

import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ReportGroup } from "@/lib/query/hooks";

const COLORS = ["#6366f1", "#f59e0b", "#10b981", "#ef4444", "#0ea5e9", "#a855f7"];
// Charts show dollars as numbers; the exact amounts are in the tables and totals beside them.
const dollars = (cents: string) => Number(cents) / 100;

/** Cost over time, stacked by provider. */
export function CostOverTime({ groups }: { groups: ReportGroup[] }) {
  const providers = [...new Set(groups.map((g) => g.provider ?? "other"))];
  const days = [...new Set(groups.map((g) => g.key))].sort();
  const data = days.map((day) => {
    const row: Record<string, string | number> = { day };
    for (const p of providers) {
      const g = groups.find((x) => x.key === day && (x.provider ?? "other") === p);
      row[p] = g ? dollars(g.costCents) : 0;
    }
    return row;
  });
  return (
    <ResponsiveContainer width="100%" height={260}>
      <AreaChart data={data} margin={{ left: 8, right: 8 }}>
        <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
        <XAxis dataKey="day" fontSize={12} />
        <YAxis fontSize={12} tickFormatter={(v) => `$${v}`} width={56} />
        <Tooltip formatter={(v) => `$${Number(v).toFixed(6)}`} />
        <Legend />
        {providers.map((p, i) => (
          <Area
            key={p}
            type="monotone"
            dataKey={p}
            stackId="cost"
            stroke={COLORS[i % COLORS.length]}
            fill={COLORS[i % COLORS.length]}
            fillOpacity={0.4}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}

/** Cost per group (type or project), as bars. */
export function CostBars({ groups }: { groups: ReportGroup[] }) {
  const data = groups.map((g) => ({ name: g.key, cost: dollars(g.costCents) }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} margin={{ left: 8, right: 8 }}>
        <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
        <XAxis dataKey="name" fontSize={12} />
        <YAxis fontSize={12} tickFormatter={(v) => `$${v}`} width={56} />
        <Tooltip formatter={(v) => `$${Number(v).toFixed(6)}`} />
        <Bar dataKey="cost" fill={COLORS[0]} />
      </BarChart>
    </ResponsiveContainer>
  );
}
