/** A tab's title: the page's own, then the portal's. The root layout's metadata template is this one. */
export const titleTemplate = "%s · Enclave";

export const pageTitle = (page: string) => titleTemplate.replace("%s", page);
