"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { updateOwnProfile } from "./actions";

export function ProfileForm({ name }: { name: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await updateOwnProfile({ name: new FormData(event.currentTarget).get("name") });
    setPending(false);
    setMessage(result.ok ? { ok: true, text: "Saved." } : { ok: false, text: result.error });
    if (result.ok) router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Profile" className="mt-3 flex flex-wrap items-end gap-3">
      <label className="w-full max-w-md text-sm font-medium">
        Name
        <input name="name" defaultValue={name} autoComplete="name" className="input mt-1" />
      </label>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`w-full text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
