"use client";

import { useRef, useState } from "react";
import { FormError } from "@/components/form-error";
import { useActionRunner } from "@/components/use-action-runner";
import { createNotificationChannel } from "./actions";

const placeholders = {
  webhook: "https://ops.example.com/hooks/enclave",
  slack: "https://hooks.slack.com/services/…",
  email: "oncall@example.com",
} as const;

export function ChannelForm({ tenant, emailAvailable }: { tenant: string; emailAvailable: boolean }) {
  const form = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<keyof typeof placeholders>("webhook");
  const { pending, error, run } = useActionRunner();
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const result = await run(() => createNotificationChannel({ tenant, kind, name: data.name, target: data.target }));
    if (result.ok) form.current?.reset();
  }
  return (
    <form
      ref={form}
      onSubmit={submit}
      aria-label="New notification channel"
      className="card grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <label className="text-sm font-medium">
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} className="input mt-1">
          <option value="webhook">Webhook (JSON)</option>
          <option value="slack">Slack-compatible webhook</option>
          {emailAvailable && <option value="email">Email</option>}
        </select>
      </label>
      <label className="text-sm font-medium">
        Name
        <input name="name" required maxLength={60} className="input mt-1" placeholder="On-call" />
      </label>
      <label className="text-sm font-medium sm:col-span-2">
        {kind === "email" ? "Address" : "URL"}
        <input
          name="target"
          required
          className="input mt-1"
          placeholder={placeholders[kind]}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <div className="sm:col-span-2 lg:col-span-4">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Adding…" : "Add channel"}
        </button>
      </div>
      <FormError error={error} className="sm:col-span-2 lg:col-span-4" />
    </form>
  );
}
