"use client";

import { FormError } from "@/components/form-error";
import { useActionRunner } from "@/components/use-action-runner";
import { removeBudget, setBudget } from "./actions";

type Props = { tenant: string; budget: { monthlyAmount: number; thresholds: number[] } | null };

export function BudgetForm({ tenant, budget }: Props) {
  const { pending, error, run } = useActionRunner();
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const thresholds = String(data.get("thresholds") ?? "")
      .split(/[,\s]+/)
      .filter(Boolean)
      .map((t) => t.replace(/%$/, ""));
    await run(() => setBudget({ tenant, monthlyAmount: data.get("monthlyAmount"), thresholds }));
  }
  return (
    <form onSubmit={submit} aria-label="Monthly budget" className="card flex flex-wrap items-end gap-4 p-4">
      <label className="text-sm font-medium">
        Monthly budget (USD)
        <input
          name="monthlyAmount"
          inputMode="decimal"
          required
          defaultValue={budget?.monthlyAmount ?? ""}
          className="input mt-1 w-40"
          placeholder="500"
        />
      </label>
      <label className="text-sm font-medium">
        Warn at (% of budget)
        <input
          name="thresholds"
          required
          defaultValue={(budget?.thresholds ?? [50, 80, 100]).join(", ")}
          className="input mt-1 w-48"
        />
      </label>
      <button type="submit" className="btn-primary" disabled={pending}>
        {budget ? "Update budget" : "Set budget"}
      </button>
      {budget && (
        <button
          type="button"
          className="btn-secondary"
          disabled={pending}
          onClick={() => run(() => removeBudget({ tenant }))}
        >
          Remove budget
        </button>
      )}
      <FormError error={error} className="w-full" />
    </form>
  );
}
