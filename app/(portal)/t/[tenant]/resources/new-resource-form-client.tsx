"use client";

import { useRef, useState } from "react";
import { FormError } from "@/components/form-error";
import { SelectField } from "@/components/select-field";
import { useActionRunner } from "@/components/use-action-runner";
import type { ManageableKind } from "@/lib/resources/resource-kinds";
import { createResource } from "./actions";
import { DatabaseFields } from "./database-fields-client";

const kindLabels: Record<ManageableKind, string> = {
  service: "Service",
  host: "Host",
  bucket: "Bucket",
  database: "Database",
};
const placeholders: Record<ManageableKind, string> = {
  service: "web",
  host: "build-box",
  bucket: "assets",
  database: "orders",
};
const field = "text-sm font-medium";
const hostSizes = [
  { value: "small", label: "Small (2 vCPU, 2 GiB)" },
  { value: "medium", label: "Medium (2 vCPU, 4 GiB)" },
  { value: "large", label: "Large (2 vCPU, 8 GiB)" },
];

/** One form for the kinds a user can make; each shows only the fields it needs. */
export function NewResourceForm({ tenant, kinds }: { tenant: string; kinds: ManageableKind[] }) {
  const form = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<ManageableKind>(kinds[0] ?? "service");
  const { pending, error, run } = useActionRunner();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const input =
      kind === "service"
        ? {
            tenant,
            kind,
            name: data.name,
            image: data.image,
            replicas: data.replicas,
            port: data.port || undefined,
            expose: data.expose === "on",
          }
        : kind === "host"
          ? { tenant, kind, name: data.name, size: data.size }
          : kind === "database"
            ? {
                tenant,
                kind,
                name: data.name,
                engine: data.engine,
                engineVersion: data.engineVersion,
                size: data.size,
                storageGiB: data.storageGiB,
                multiAz: data.multiAz === "on",
              }
            : { tenant, kind, name: data.name };
    const result = await run(() => createResource(input));
    if (result.ok) form.current?.reset();
  }

  return (
    <section aria-labelledby="new-resource" className="card mb-6 p-5">
      <h2 id="new-resource" className="text-lg font-semibold">
        New resource
      </h2>
      <form
        ref={form}
        onSubmit={submit}
        aria-labelledby="new-resource"
        className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <fieldset className="sm:col-span-2 lg:col-span-4">
          <legend className={field}>Kind</legend>
          <div className="mt-1 flex flex-wrap gap-4 text-sm">
            {kinds.map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{" "}
                {kindLabels[k]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className={field}>
          Name
          <div className="mt-1 flex items-center gap-1">
            {(kind === "bucket" || kind === "database") && (
              <span className="font-mono text-xs whitespace-nowrap text-slate-500">enclave-{tenant}-</span>
            )}
            <input
              name="name"
              required
              autoComplete="off"
              spellCheck={false}
              className="input"
              placeholder={placeholders[kind]}
            />
          </div>
        </label>
        {kind === "service" && (
          <>
            <label className={field}>
              Container image
              <input
                name="image"
                required
                autoComplete="off"
                spellCheck={false}
                className="input mt-1"
                placeholder="nginx:1.27"
              />
            </label>
            <label className={field}>
              Replicas
              <input name="replicas" type="number" min={0} max={20} defaultValue={1} className="input mt-1" />
            </label>
            <label className={field}>
              Port <span className="font-normal text-slate-500">(optional)</span>
              <input name="port" type="number" min={1} max={65535} className="input mt-1" placeholder="8080" />
            </label>
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <input type="checkbox" name="expose" /> Put a load balancer in front of it
            </label>
          </>
        )}
        {kind === "host" && <SelectField label="Size" name="size" defaultValue="small" options={hostSizes} />}
        {kind === "database" && <DatabaseFields />}
        <div className="flex items-end sm:col-span-2 lg:col-span-4">
          <button type="submit" className="btn-primary" disabled={pending}>
            {pending ? "Starting…" : `Create ${kindLabels[kind].toLowerCase()}`}
          </button>
        </div>
        <FormError error={error} className="sm:col-span-2 lg:col-span-4" />
      </form>
    </section>
  );
}
