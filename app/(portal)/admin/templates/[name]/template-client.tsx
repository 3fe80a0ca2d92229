"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FormError } from "@/components/form-error";
import { SelectField } from "@/components/select-field";
import { useActionRunner } from "@/components/use-action-runner";
import { createTenantFromTemplate, saveTemplate } from "../actions";

function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `Not valid JSON: ${(error as Error).message}`;
  }
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}

/** The version's JSON: edited here and saved as the next version, checked by the template's schema on save. */
export function TemplateEditor(props: { name: string; version: number; body: string; canEdit: boolean }) {
  const router = useRouter();
  const [text, setText] = useState(props.body);
  const { pending, error, run } = useActionRunner();
  const syntax = jsonProblem(text);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await run(() => saveTemplate({ name: props.name, body: text }), "Saved as a new version.");
    if (result.ok) router.push(`/admin/templates/${props.name}?version=${result.data.version}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Template JSON" className="card p-4">
      <label className="text-sm font-medium" htmlFor="template-json">
        Template JSON
      </label>
      <textarea
        id="template-json"
        value={text}
        onChange={(e) => setText(e.target.value)}
        readOnly={!props.canEdit}
        spellCheck={false}
        rows={24}
        aria-describedby="template-json-problem"
        className="input mt-1 font-mono text-xs"
      />
      <p id="template-json-problem" className="mt-1 text-xs text-amber-700" aria-live="polite">
        {syntax}
      </p>
      <FormError error={error} className="mt-2" />
      <div className="mt-3 flex flex-wrap gap-2">
        {props.canEdit && (
          <button type="submit" className="btn-primary" disabled={pending || syntax !== null || text === props.body}>
            {pending ? "Saving…" : "Save as new version"}
          </button>
        )}
        <button
          type="button"
          className="btn-secondary"
          onClick={() => download(`${props.name}-v${props.version}.json`, text)}
        >
          Export .json
        </button>
      </div>
    </form>
  );
}

export function CreateFromTemplateForm(props: {
  template: string;
  version: number;
  infrastructures: { id: string; label: string }[];
}) {
  const router = useRouter();
  const [name, setName] = useState("");
  const { pending, error, run } = useActionRunner();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const result = await run(
      () =>
        createTenantFromTemplate({
          template: props.template,
          version: props.version,
          name,
          infrastructureId: data.get("infrastructureId") || undefined,
        }),
      "Tenant created; provisioning started.",
    );
    if (result.ok) router.push(`/t/${result.data.name}`);
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Create tenant from this template"
      className="card space-y-3 self-start p-4"
    >
      <h2 className="text-base font-semibold">Create tenant from this template</h2>
      <label className="block text-sm font-medium">
        Tenant name
        <input
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
          className="input mt-1"
        />
      </label>
      <SelectField
        label="Infrastructure"
        name="infrastructureId"
        anyLabel="Choose an infrastructure…"
        options={props.infrastructures.map((i) => ({ value: i.id, label: i.label }))}
        defaultValue={props.infrastructures.length === 1 ? props.infrastructures[0]!.id : ""}
      />
      <p className="text-xs text-slate-500">
        One operation makes the tenant, then the template&apos;s resources, then its rules, budget, channels and
        mappings. You will follow it on the tenant&apos;s page.
      </p>
      <FormError error={error} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Creating…" : `Create from v${props.version}`}
      </button>
    </form>
  );
}
