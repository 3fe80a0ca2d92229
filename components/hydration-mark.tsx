"use client";

import { useEffect } from "react";

/** Marks the document once React has attached its handlers, so tests (and scripts) can wait on it rather than on time. */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
