"use client";

import { useState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { FormError } from "@/components/form-error";
import { useActionRunner, useConfirmedAction } from "@/components/use-action-runner";
import { deleteNotificationChannel, setNotificationChannelEnabled, testNotificationChannel } from "./actions";

export function ChannelButtons({
  tenant,
  channelId,
  name,
  enabled,
}: {
  tenant: string;
  channelId: string;
  name: string;
  enabled: boolean;
}) {
  const { pending, error, run } = useActionRunner();
  const [tested, setTested] = useState<string | null>(null);
  const confirmed = useConfirmedAction();
  async function test() {
    setTested(null);
    const result = await run(() => testNotificationChannel({ tenant, channelId }));
    if (result.ok) setTested(result.data.ok ? "Test message delivered." : `Test failed: ${result.data.error}`);
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className="btn-secondary" disabled={pending} onClick={test}>
        Send test
      </button>
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={() => run(() => setNotificationChannelEnabled({ tenant, channelId, enabled: !enabled }))}
      >
        {enabled ? "Disable" : "Enable"}
      </button>
      <ConfirmButton
        label="Delete"
        title={`Delete the channel ${name}?`}
        confirmLabel="Delete channel"
        className="text-sm font-medium text-red-700 hover:underline"
        onConfirm={() => confirmed(() => deleteNotificationChannel({ tenant, channelId }))}
      >
        Alerts stop going there; messages still waiting for it are dropped.
      </ConfirmButton>
      {tested && (
        <p role="status" className="w-full text-xs text-slate-600">
          {tested}
        </p>
      )}
      <FormError error={error} className="w-full" />
    </div>
  );
}
