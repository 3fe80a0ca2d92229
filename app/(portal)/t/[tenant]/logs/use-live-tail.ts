"use client";
import { useEffect, useRef, useState } from "react";
import type { LogLineView } from "@/lib/cloud/contract";

const keepLines = 2000;

/** Follows new lines over server-sent events while on; while paused, holds them back and counts them. */
export function useLiveTail(url: string, on: boolean, onLines: (lines: LogLineView[]) => void) {
  const [waiting, setWaiting] = useState<LogLineView[]>([]);
  const [paused, setPaused] = useState(false);
  const [connected, setConnected] = useState(false);
  const pausedRef = useRef(paused);
  const onLinesRef = useRef(onLines);
  useEffect(() => {
    pausedRef.current = paused;
    onLinesRef.current = onLines;
  });

  useEffect(() => {
    if (!on) return;
    const source = new EventSource(url);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.onmessage = (event: MessageEvent<string>) => {
      const line = JSON.parse(event.data) as LogLineView;
      if (pausedRef.current) setWaiting((held) => [...held, line].slice(-keepLines));
      else onLinesRef.current([line]);
    };
    return () => {
      source.close();
      setConnected(false);
    };
  }, [url, on]);

  const resume = () => {
    pausedRef.current = false;
    setPaused(false);
    if (waiting.length) onLinesRef.current(waiting);
    setWaiting([]);
  };
  const pause = () => {
    pausedRef.current = true;
    setPaused(true);
  };
  return { paused, pause, resume, waiting: waiting.length, connected };
}

export function prependNewest(current: LogLineView[], incoming: LogLineView[]): LogLineView[] {
  const seen = new Set(current.map((l) => l.id));
  return [...incoming.filter((l) => !seen.has(l.id)).reverse(), ...current].slice(0, keepLines);
}
