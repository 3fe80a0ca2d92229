type Event = { actor: string | null; actorKind: "person" | "service" | null; token: string | null };

/** Who made a change: the user (marked when a service account) and the access token it came through. */
export function AuditActor({ event }: { event: Event }) {
  return (
    <span className="break-words">
      {event.actor ?? "system"}
      {event.actorKind === "service" && <span className="text-slate-500"> (service account)</span>}
      {event.token && (
        <span className="block text-xs text-slate-500">
          via token <span className="font-medium text-slate-700">{event.token}</span>
        </span>
      )}
    </span>
  );
}
