import type { ConversationStatus, PhaseKey } from "@driehoek/domain";
import { createPubSub, type PubSub, type PubSubEventTarget } from "@graphql-yoga/subscription";
import type { Config } from "./config.js";
import { RedisEventTransport } from "./events/redis-transport.js";
import { loggerFor } from "./log/logger.js";

/** What a `conversationChanged` event reports as changed. */
export const CONVERSATION_CHANGE_KINDS = [
  "PHASE",
  "SECTION",
  "STATUS",
  "CONCLUSION",
  "SIGNATURES",
  "NEXT_CONVERSATION",
  "RECORD",
  "DOCUMENTS",
  "WERKPROCESSEN",
  "ARCHIVE",
  "TALK",
] as const;

/** One thing a `conversationChanged` event can report. */
export type ConversationChangeKind = (typeof CONVERSATION_CHANGE_KINDS)[number];

/**
 * A change of one conversation, as pushed to the people who may see it: what changed
 * (`kinds`), and where the conversation stands now, whatever changed.
 */
export interface ConversationChangeEvent {
  conversationId: string;
  kinds: ConversationChangeKind[];
  phase: PhaseKey | null;
  section: string | null;
  startedAt: Date | null;
  sectionStartedAt: Date | null;
  status: ConversationStatus;
  version: number;
}

/** Every event the server publishes, declared once: each topic with the arguments of `publish`. */
export type ServerEventTopics = {
  /** A conversation changed; routed per conversation id to that conversation's subscribers. */
  conversationChanged: [conversationId: string, change: ConversationChangeEvent];
  /** An invite was revoked: its open sessions must end. */
  inviteRevoked: [inviteId: string];
  /** A staff account was deactivated: its open sessions must end. */
  accountDeactivated: [personId: string];
  /** A staff session ended (logout, log out everywhere, deactivation): its sockets must close. */
  sessionRevoked: [sessionId: string];
  /** A conversation was signed: its record is locked and its documents become read-only. */
  conversationLocked: [conversationId: string];
};

/** The topics that carry one value and no routing key: every listener hears every event. */
export type BroadcastTopic = {
  [T in keyof ServerEventTopics]: ServerEventTopics[T] extends [unknown] ? T : never;
}[keyof ServerEventTopics];

/** Where events travel: in-process by default; several processes share one over Redis. */
export type EventTransport = PubSubEventTarget<ServerEventTopics>;

/**
 * The server's one event bus. GraphQL subscriptions read it as async iterables (`subscribe`);
 * parts of the server that react to an event (the collaboration endpoint) listen with `on`.
 * Both run over one event target, so a deployment of several processes replaces the transport
 * (Redis, `eventTransportFor`) and nothing else.
 */
export interface EventBus extends PubSub<ServerEventTopics> {
  /** Calls `listener` for every event of `topic` as it is published; returns how to stop. */
  on<T extends BroadcastTopic>(
    topic: T,
    listener: (value: ServerEventTopics[T][0]) => void,
  ): () => void;
  /** Stops the transport (its Redis connections); nothing is heard after. */
  close(): Promise<void>;
}

/**
 * The transport a deployment needs: over Redis (events/redis-transport.ts) when `REDIS_URL`
 * is set, so subscribers on every process hear every event; else within this process.
 */
export function eventTransportFor(
  config: Pick<Config, "redisUrl" | "redisPrefix" | "logLevel">,
): EventTransport {
  if (!config.redisUrl) return new EventTarget();
  return new RedisEventTransport({
    url: config.redisUrl,
    prefix: config.redisPrefix,
    log: loggerFor(config),
  });
}

/** An event bus over `transport` (by default one within this process). */
export function createEventBus(transport: EventTransport = new EventTarget()): EventBus {
  const pubSub = createPubSub<ServerEventTopics>({ eventTarget: transport });
  return {
    publish: pubSub.publish,
    subscribe: pubSub.subscribe,
    on(topic, listener) {
      const handle = (event: Event) => listener((event as CustomEvent).detail);
      transport.addEventListener(topic, handle);
      return () => transport.removeEventListener(topic, handle);
    },
    close: async () => {
      if (transport instanceof RedisEventTransport) await transport.close();
    },
  };
}
