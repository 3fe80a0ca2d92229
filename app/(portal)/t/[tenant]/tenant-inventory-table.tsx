import type { TenantInventory } from "@/lib/tenants/tenant-inventory";
import { EmptyState } from "@/components/empty-state";

const label = (kind: string) => kind.replace(/_/g, " ");

/** The tenant's constructs and everything else carrying its tag, counted by kind. */
export function TenantInventoryTable({ inventory }: { inventory: TenantInventory }) {
  return (
    <section aria-labelledby="inventory-heading">
      <h2 id="inventory-heading" className="mt-8 mb-3 text-lg font-semibold">
        Cloud resources
      </h2>
      {inventory.error ? (
        <p role="status" className="card p-4 text-sm text-amber-800">{inventory.error}</p>
      ) : inventory.kinds.length === 0 ? (
        <EmptyState title="Nothing in the cloud yet">The tenant&apos;s security group, IAM role, keys and namespace appear here once it is provisioned.</EmptyState>
      ) : (
        <table className="card w-full divide-y divide-slate-100 text-sm" aria-label="Cloud resources by kind">
          <tbody>
            {inventory.kinds.map((k) => (
              <tr key={k.kind}>
                <th scope="row" className="px-4 py-2 text-left font-medium capitalize">{label(k.kind)}</th>
                <td className="px-4 py-2 tabular-nums">{k.count}</td>
                <td className="px-4 py-2 font-mono text-xs text-slate-600">{k.names.slice(0, 3).join(", ")}{k.names.length > 3 ? ` and ${k.names.length - 3} more` : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
