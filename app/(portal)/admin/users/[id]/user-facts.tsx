import type { UserDetail } from "@/lib/users/get-user-detail";
import { StatusBadge } from "@/components/status-badge";
import { formatDateTime } from "@/components/format";

function Fact({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-sm break-words">{children}</dd>
    </div>
  );
}

export function roleSourceLabel(source: string): string {
  return source === "direct" ? "set by an administrator" : `given by SSO ${source.replace(/^group:/, "group ")}`;
}

export function UserFacts({ user }: { user: UserDetail }) {
  const signIn = [user.hasPassword && "local password", user.identities.length > 0 && "SSO"]
    .filter(Boolean)
    .join(" and ");
  return (
    <dl className="card grid grid-cols-2 gap-x-6 gap-y-4 p-5 lg:grid-cols-4">
      <Fact label="Email" wide>
        {user.email}
      </Fact>
      <Fact label="Name">{user.name}</Fact>
      <Fact label="Role">
        <span className="font-medium">{user.role}</span>{" "}
        <span className="text-slate-500">({roleSourceLabel(user.roleSource)})</span>
      </Fact>
      <Fact label="Status">
        <StatusBadge status={user.status} />
      </Fact>
      <Fact label="Signs in with">{signIn || "nothing yet (no password, no SSO identity)"}</Fact>
      <Fact label="Last sign-in">{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never"}</Fact>
      <Fact label="Created">{formatDateTime(user.createdAt)}</Fact>
      {user.identities.length > 0 && (
        <Fact label="SSO identities" wide>
          <ul className="space-y-1">
            {user.identities.map((i) => (
              <li key={`${i.issuer} ${i.subject}`} className="font-mono text-xs">
                {i.subject} <span className="text-slate-500">at {i.issuer}</span>
              </li>
            ))}
          </ul>
        </Fact>
      )}
    </dl>
  );
}
