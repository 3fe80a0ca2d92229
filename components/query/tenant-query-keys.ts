// Every live query about one tenant starts with this, so all of them can be dropped when it is gone.
export const tenantKey = (tenant: string) => ["tenant", tenant] as const;

export const tenantApi = (tenant: string, path: string) => `/api/t/${encodeURIComponent(tenant)}/${path}`;
