"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FormError } from "@/components/form-error";
import { useActionRunner } from "@/components/use-action-runner";
import { saveTemplate } from "./actions";

/** Imports a template's .json file (as exported) under a name: a new template, or the next version of one. */
export function ImportTemplateForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [body, setBody] = useState<string | null>(null);
  const { pending, error, run } = useActionRunner();

  async function onFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setBody(await file.text());
    if (!name) setName(file.name.replace(/\.json$/i, "").toLowerCase());
  }
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await run(() => saveTemplate({ name, body: body ?? "" }), "Template imported.");
    if (result.ok) router.push(`/admin/templates/${result.data.name}`);
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Import a template"
      className="card mb-6 flex flex-wrap items-end gap-3 p-4"
    >
      <label className="text-sm font-medium">
        Template file (.json)
        <input
          name="file"
          type="file"
          accept="application/json,.json"
          onChange={onFile}
          className="mt-1 block text-sm"
        />
      </label>
      <label className="min-w-56 flex-1 text-sm font-medium">
        Save as
        <input
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          className="input mt-1"
          placeholder="stage-like"
        />
      </label>
      <button type="submit" className="btn-primary" disabled={pending || body === null}>
        {pending ? "Importing…" : "Import"}
      </button>
      <FormError error={error} />
    </form>
  );
}
