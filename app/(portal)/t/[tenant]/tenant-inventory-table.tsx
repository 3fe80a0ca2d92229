import { countInventoryByKind } from "@/lib/tenants/tenant-inventory";
import { neverRead } from "@/lib/inventory/inventory-queries";
import { kindLabel } from "@/lib/words/kind-labels";
import { EmptyState } from "@/components/empty-state";
import { InventoryStatus } from "./inventory-status";
import { loadInventory } from "./inventory-data";

/** The tenant's constructs and everything else carrying its tag, counted by kind, as the workers last read them. */
export async function TenantInventoryTable({ tenant }: { tenant: { id: string; name: string } }) {
  const view = await loadInventory(tenant.id);
  const { kinds } = countInventoryByKind(view.resources);
  return (
    <>
      <InventoryStatus tenant={tenant} />
      {neverRead(view.freshness) ? (
        <EmptyState title="Not yet read">
          This tenant&apos;s cloud has not been listed yet; its resources appear here after the first read.
        </EmptyState>
      ) : kinds.length === 0 ? (
        <EmptyState title="Nothing in the cloud yet">
          The tenant&apos;s security group, IAM role, keys and namespace appear here once it is provisioned.
        </EmptyState>
      ) : (
        <table className="card w-full divide-y divide-slate-100 text-sm" aria-label="Cloud resources by kind">
          <tbody>
            {kinds.map((k) => (
              <tr key={k.kind}>
                <th scope="row" className="px-4 py-2 text-left font-medium">
                  {kindLabel(k.kind)}
                </th>
                <td className="px-4 py-2 tabular-nums">{k.count}</td>
                <td className="px-4 py-2 font-mono text-xs text-slate-600">
                  {k.names.slice(0, 3).join(", ")}
                  {k.names.length > 3 ? ` and ${k.names.length - 3} more` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
