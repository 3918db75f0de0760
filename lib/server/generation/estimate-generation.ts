import "server-only";
import type { GenerateInput } from "@/app/api/generate/schema";
import { add, compare, dec, sub, toDecimalString } from "@/lib/shared/decimal";
import type { AuthUser } from "../auth/types";
import { estimateCost } from "../costs/calculate";
import { asUser } from "../db/rls";
import { getProject } from "../projects/get-project";
import { listCandidates } from "./candidates";
import { costRequestOf } from "./cost-request";
import { healthOf, isCircuitOpen } from "./health";

/** What a generation would cost and which provider the router would pick — without calling anyone. */
export async function estimateGeneration(user: AuthUser, input: GenerateInput) {
  return asUser(user.id, async (tx) => {
    const project = await getProject(tx, { userId: user.id, id: input.projectId });
    const { candidates, skippedAttempts } = await listCandidates(tx, { userId: user.id, input });
    const remaining =
      project.budgetCents == null
        ? null
        : toDecimalString(sub(dec(project.budgetCents), add(dec(project.spentCents), dec(project.reservedCents))));
    const options = [];
    for (const c of candidates) {
      const cost = estimateCost(c.model, costRequestOf(input));
      const circuitOpen = isCircuitOpen(await healthOf(tx, user.id, c.provider));
      const fits = remaining == null || compare(dec(cost.cents), dec(remaining)) <= 0;
      options.push({
        provider: c.provider,
        model: c.model.id,
        label: c.model.label,
        cost,
        fitsBudget: fits,
        circuitOpen,
      });
    }
    const pick = options.find(
      (o) => o.fitsBudget && !o.circuitOpen && !o.cost.issues.some((i) => i.code === "missing_price"),
    );
    return {
      provider: pick?.provider ?? null,
      model: pick?.model ?? null,
      cost: pick?.cost ?? options[0]?.cost ?? null,
      remainingBudgetCents: remaining,
      wouldExceedBudget: options.length > 0 && !options.some((o) => o.fitsBudget),
      options,
      skipped: skippedAttempts,
    };
  });
}
