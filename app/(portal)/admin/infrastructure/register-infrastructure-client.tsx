"use client";

import { useState } from "react";
import { FormError } from "@/components/form-error";
import { useActionRunner } from "@/components/use-action-runner";
import type { CloudDriverKind } from "@/lib/cloud/contract";
import { registerInfrastructure } from "./actions";

type Driver = CloudDriverKind;
export type DriverChoice = { kind: Driver; label: string; description: string };

const kubeconfigHint = "A path on the portal's server; without it, the portal's default kubeconfig.";

function Field({
  name,
  label,
  placeholder,
  hint,
}: {
  name: string;
  label: string;
  placeholder?: string;
  hint?: string;
}) {
  return (
    <div>
      <label className="text-sm font-medium">
        {label}
        <input
          name={name}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hint ? `infra-${name}-hint` : undefined}
          className="input mt-1"
        />
      </label>
      {hint && (
        <p id={`infra-${name}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

export function RegisterInfrastructureForm({ drivers }: { drivers: DriverChoice[] }) {
  const [driver, setDriver] = useState<Driver>("aws");
  const [registered, setRegistered] = useState<string | null>(null);
  const { pending, error, run } = useActionRunner();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const result = await run(() => registerInfrastructure(Object.fromEntries(new FormData(form))));
    if (!result.ok) return setRegistered(null);
    setRegistered(result.data.name);
    form.reset();
    setDriver("aws");
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Register infrastructure"
      className="card mt-6 grid gap-4 p-5 sm:grid-cols-2"
    >
      <h2 className="text-base font-semibold sm:col-span-2">Register an infrastructure</h2>
      <Field
        name="name"
        label="Name"
        placeholder="eu-prod"
        hint="Lowercase letters, digits and hyphens, starting with a letter."
      />
      <div>
        <label className="text-sm font-medium">
          Driver
          <select
            name="driver"
            value={driver}
            onChange={(e) => setDriver(e.target.value as Driver)}
            aria-describedby="infra-driver-hint"
            className="input mt-1"
          >
            {drivers.map((choice) => (
              <option key={choice.kind} value={choice.kind}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <p id="infra-driver-hint" className="mt-1 text-xs text-slate-500">
          {drivers.find((choice) => choice.kind === driver)?.description}
        </p>
      </div>
      {driver === "aws" && (
        <>
          <Field name="region" label="Region" placeholder="eu-west-1" />
          <Field name="vpcId" label="VPC id" placeholder="vpc-0a1b2c3d" />
          <Field
            name="clusterName"
            label="EKS cluster name"
            placeholder="prod-cluster"
            hint="Or give a kubeconfig context instead."
          />
          <Field
            name="kubeconfigContext"
            label="Kubeconfig context (optional)"
            placeholder="arn:aws:eks:eu-west-1:…:cluster/prod-cluster"
          />
          <Field
            name="kubeconfig"
            label="Kubeconfig file (optional)"
            placeholder="/etc/enclave/kubeconfig"
            hint={kubeconfigHint}
          />
          <Field
            name="hostImageId"
            label="Host machine image (optional)"
            placeholder="ami-0a1b2c3d"
            hint="The AMI the tenants' hosts boot; without it, hosts cannot be created."
          />
        </>
      )}
      {driver === "kubernetes" && (
        <>
          <Field name="kubeconfigContext" label="Kubeconfig context" placeholder="on-prem-admin" />
          <Field
            name="kubeconfig"
            label="Kubeconfig file (optional)"
            placeholder="/etc/enclave/kubeconfig"
            hint={kubeconfigHint}
          />
          <Field name="region" label="Region label (optional)" placeholder="on-prem" />
        </>
      )}
      <FormError error={error} className="sm:col-span-2" />
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Registering…" : "Register"}
        </button>
        {registered && (
          <p role="status" className="text-sm text-emerald-700">
            Registered {registered}.
          </p>
        )}
      </div>
    </form>
  );
}
