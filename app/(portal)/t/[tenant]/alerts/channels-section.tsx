import type { ChannelRow } from "@/lib/notifications/channels";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/components/format";
import { ChannelButtons } from "./channel-buttons-client";
import { ChannelForm } from "./channel-form-client";

type Props = { tenant: string; channels: ChannelRow[]; canWrite: boolean; emailAvailable: boolean };

export function ChannelsSection({ tenant, channels, canWrite, emailAvailable }: Props) {
  return (
    <section aria-labelledby="channels-heading" className="mt-10">
      <h2 id="channels-heading" className="mb-1 text-lg font-semibold">
        Notification channels
      </h2>
      <p className="mb-3 text-sm text-slate-500">
        Every alert that opens, is acknowledged or resolves is sent to each enabled channel once; failed sends are
        retried with backoff.
      </p>
      {channels.length === 0 ? (
        <EmptyState title="No channels yet">
          {canWrite
            ? "Add a webhook or a Slack-compatible URL below to hear about alerts."
            : "Someone with write access can add webhooks here."}
        </EmptyState>
      ) : (
        <DataTable<ChannelRow>
          caption="Notification channels"
          rows={channels}
          rowKey={(c) => c.id}
          columns={[
            {
              header: "Channel",
              cell: (c) => (
                <>
                  <span className="font-medium">{c.name}</span>
                  <span className="block text-xs text-slate-500">
                    {c.kind} · {c.target}
                  </span>
                </>
              ),
            },
            { header: "Enabled", cell: (c) => (c.enabled ? "yes" : "no") },
            { header: "Last delivered", cell: (c) => formatDateTime(c.lastDeliveredAt), className: "text-slate-500" },
            {
              header: "Last error",
              cell: (c) =>
                c.lastError && (!c.lastDeliveredAt || (c.lastErrorAt && c.lastErrorAt > c.lastDeliveredAt)) ? (
                  <span className="text-red-700">
                    {c.lastError} · {formatDateTime(c.lastErrorAt)}
                  </span>
                ) : (
                  "—"
                ),
            },
            ...(canWrite
              ? [
                  {
                    header: "Actions",
                    cell: (c: ChannelRow) => (
                      <ChannelButtons tenant={tenant} channelId={c.id} name={c.name} enabled={c.enabled} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {canWrite && (
        <div className="mt-4">
          <ChannelForm tenant={tenant} emailAvailable={emailAvailable} />
        </div>
      )}
    </section>
  );
}
