import fs from "node:fs";
import path from "node:path";
import { inspector } from "./inspector.js";
import { origin } from "./profile.js";

interface AllocationNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocationNode[];
}

/** Where allocated bytes went: by function, and in all. */
export interface AllocationSummary {
  totalBytes: number;
  /** `function package-or-file:line` and its bytes, largest first. */
  byFunction: [string, number][];
}

function summarise(head: AllocationNode, top: number): AllocationSummary {
  const byFunction = new Map<string, number>();
  let totalBytes = 0;
  const visit = (node: AllocationNode) => {
    if (node.selfSize > 0) {
      const { functionName, url, lineNumber } = node.callFrame;
      const key = `${functionName || "(anonymous)"} ${origin(url)}:${lineNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize);
      totalBytes += node.selfSize;
    }
    for (const child of node.children) visit(child);
  };
  visit(head);
  return {
    totalBytes,
    byFunction: [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top),
  };
}

/**
 * Samples what a process allocates, garbage included (V8's sampling heap profiler over the
 * inspector at `port`, keeping objects that minor and major collections freed), from now until
 * `stop`. `stop` writes the profile to `file` (open it in Chrome DevTools, Memory tab) and
 * returns where the bytes went.
 */
export async function sampleAllocations(port: number, samplingInterval = 8192) {
  const devtools = await inspector(port);
  await devtools.call("HeapProfiler.enable");
  await devtools.call("HeapProfiler.startSampling", {
    samplingInterval,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return {
    stop: async (file: string, top = 15): Promise<AllocationSummary> => {
      const result = (await devtools.call("HeapProfiler.stopSampling")) as {
        profile?: { head: AllocationNode };
      };
      devtools.close();
      if (!result.profile) throw new Error("The server returned no allocation profile.");
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(result.profile));
      return summarise(result.profile.head, top);
    },
  };
}
