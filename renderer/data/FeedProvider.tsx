import { createContext, useContext, useEffect, type ReactNode } from "react";
import { useStore } from "zustand";
import type { FeedUpdate, FeedValue, FeedValueKind } from "../../electron/common/feed-protocol.js";
import type { FeedConnection } from "./feed-connection.js";
import type { FeedStore, TopicEntry } from "./feed-store.js";

interface FeedContextValue {
  connection: FeedConnection;
  store: FeedStore;
}

const FeedContext = createContext<FeedContextValue | undefined>(undefined);

export function FeedProvider({ connection, store, children }: FeedContextValue & { children: ReactNode }) {
  return <FeedContext.Provider value={{ connection, store }}>{children}</FeedContext.Provider>;
}

export function useFeedStore(): FeedStore {
  const ctx = useContext(FeedContext);
  if (!ctx) throw new Error("useFeedStore outside a FeedProvider");
  return ctx.store;
}

/** Holds a topic while the component is mounted and returns its entry (narrow selector: one topic). */
export function useTopic(topic: string): TopicEntry | undefined {
  const ctx = useContext(FeedContext);
  if (!ctx) throw new Error("useTopic outside a FeedProvider");
  const { connection, store } = ctx;
  useEffect(() => {
    connection.retain(topic);
    return () => connection.release(topic);
  }, [connection, topic]);
  return useStore(store, (s) => s.entries[topic]);
}

export type ValueOf<K extends FeedValueKind> = Extract<FeedValue, { kind: K }>;

export function valueOfKind<K extends FeedValueKind>(update: FeedUpdate | undefined, kind: K): ValueOf<K> | undefined {
  return update?.value.kind === kind ? (update.value as ValueOf<K>) : undefined;
}
