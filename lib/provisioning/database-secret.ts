/** The master user a database is made with; its password is the portal's (see database-password.ts). */
export const databaseMasterUsername = "enclave_admin";

/** Where a database's sealed master password is kept among the tenant's secrets. */
export const databaseSecretKind = (name: string) => `database:${name}`;
