import { counter, gauge, histogram } from "../metrics/registry.js";

/** Figures of the collaboration endpoint on the process's Prometheus registry (see /metrics). */

/** Sizes of group commits, in entries: one keystroke alone, or many gathered while a commit ran. */
const BATCH_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000];

export const collabMetrics = {
  connections: gauge("driehoek_collab_connections", "Open collaboration websocket connections."),
  documents: gauge("driehoek_collab_live_documents", "Collaborative documents held in memory."),
  relayLatency: histogram(
    "driehoek_collab_relay_latency_seconds",
    "Time from publishing a stored update on one process to receiving it on another.",
  ),
  relayMessages: counter(
    "driehoek_collab_relay_messages_total",
    "Messages relayed between processes, by direction and kind.",
    ["direction", "kind"],
  ),
  relayGaps: counter(
    "driehoek_collab_relay_gaps_total",
    "Times a process found it may have missed relayed updates and caught up from the log.",
    ["reason"],
  ),
  storeLatency: histogram(
    "driehoek_collab_store_latency_seconds",
    "Time one group commit of the update log takes (until durable).",
  ),
  groupCommitSize: histogram(
    "driehoek_collab_group_commit_entries",
    "Log entries per group commit.",
    [],
    BATCH_BUCKETS,
  ),
  doorChecks: counter(
    "driehoek_collab_door_checks_total",
    "Incoming updates checked at the door: as typing or as an addition (on the update alone) or in full (on the scratch copy), by outcome.",
    ["check", "outcome"],
  ),
  catchUpLatency: histogram(
    "driehoek_collab_catch_up_seconds",
    "Time to read a live document's log again and merge what it lacked.",
  ),
};
