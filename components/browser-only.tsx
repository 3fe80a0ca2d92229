"use client";

import { useSyncExternalStore, type ComponentType } from "react";

const noChanges = () => () => {};
const inBrowser = () => true;
const onServer = () => false;
const Nothing = () => null;

/**
 * `Loaded` (a next/dynamic component with `ssr: false`) in the browser, `Fallback` on the server and
 * while hydrating. Rendered on the server, an `ssr: false` component throws to bail out of the render,
 * and the page paid for that error and sent an empty boundary for it (every page, for the toaster).
 */
export function browserOnly<P extends object>(
  Loaded: ComponentType<P>,
  Fallback: ComponentType = Nothing,
): ComponentType<P> {
  return function BrowserOnly(props: P) {
    return useSyncExternalStore(noChanges, inBrowser, onServer) ? <Loaded {...props} /> : <Fallback />;
  };
}
