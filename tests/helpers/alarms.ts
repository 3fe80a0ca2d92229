import type { CloudAlarm, CloudDriver } from "@/lib/cloud/contract";

/** An alarm as a cloud lists it, named after its id. */
export const cloudAlarm = (id: string, state: CloudAlarm["state"], since = new Date()): CloudAlarm => ({
  id,
  name: `alarm ${id}`,
  state,
  severity: "critical",
  resource: "web",
  reason: "because",
  since: since.toISOString(),
});

/** A driver that lists what `listed` returns at the time of asking, and can do nothing else. */
export const alarmsDriver = (listed: () => CloudAlarm[]) =>
  ({ listAlarms: async () => listed() }) as unknown as CloudDriver;
