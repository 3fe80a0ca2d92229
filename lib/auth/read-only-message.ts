/** What a person with read access hears when they try to change a tenant, in place of "Not found". */
export const readOnlyMessage = (tenantName: string) =>
  `Your access to ${tenantName} is read-only: ask an administrator for write access to change it.`;

/** Shown where a read-only page hides the controls that would change something. */
export const readOnlyNotice = (tenantName: string, what: string) =>
  `You have read-only access to ${tenantName}, so ${what} is hidden. Ask an administrator for write access.`;
