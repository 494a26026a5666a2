import { describe, expect, it } from "vitest";
import {
  comparison,
  type LoadFigures,
  type Round,
  type SizeFigures,
} from "../../bench/collab-report.js";
import { percentiles } from "../../bench/measure.js";

/** A load run whose relay and stored latencies are `p99` ms and whose server used `cpu` of a core. */
function figures(p99: number, cpu: number): LoadFigures {
  const latency = { ...percentiles([1, 2, 3]), p99 };
  return {
    typedPerSecond: 1000,
    serverCpu: cpu,
    rssIdle: 0,
    rssLoaded: 100 * 1024 * 300,
    results: { relay: latency, stored: latency },
  } as unknown as LoadFigures;
}

const round = (relay: number, durable: number, driehoek: number, cpu = 0.1): Round => ({
  relay: figures(relay, cpu),
  durable: figures(durable, cpu * 2),
  driehoek: { ...figures(driehoek, cpu * 3), conversations: 300 } as SizeFigures,
});

/** The cells of the table's row named `measure`. */
function row(table: string, measure: string): string[] {
  const line = table.split("\n").find((l) => l.startsWith(`| ${measure} |`));
  if (!line) throw new Error(`no row ${measure} in\n${table}`);
  return line
    .split("|")
    .slice(2, -1)
    .map((cell) => cell.trim());
}

describe("bench:collab's comparison over rounds", () => {
  it("prints each server's median with its range, and the median of each round's own ratio", () => {
    // Round two ran while the machine was busy: every server's p99 doubled.
    const table = comparison([round(10, 15, 20), round(40, 60, 60), round(12, 18, 30)]);
    const [relay, durable, driehoek, overRelay, durableOverRelay, overDurable] = row(
      table,
      "relay p99",
    );
    expect(relay).toBe("12 ms (10 ms–40 ms)");
    expect(durable).toBe("18 ms (15 ms–60 ms)");
    expect(driehoek).toBe("30 ms (20 ms–60 ms)");
    // Per round 2.0, 1.5 and 2.5: the median is 2.0, not 30 / 12 = 2.5 of the medians.
    expect(overRelay).toBe("2.0× (1.5–2.5)");
    expect(durableOverRelay).toBe("1.5× (1.5–1.5)");
    expect(overDurable).toBe("1.3× (1.0–1.7)");
    expect(table).toContain("3 rounds: medians (range)");
    expect(row(table, "CPU per update")[3]).toBe("3.0× (3.0–3.0)");
  });

  it("prints how long each main thread waited for a CPU and how often it was preempted", () => {
    const one = round(10, 15, 20);
    const waited = (x: LoadFigures, wait: number, preempted: number): LoadFigures => ({
      ...x,
      serverWaitMain: wait,
      serverPreemptedMain: preempted,
    });
    const table = comparison([
      {
        relay: waited(one.relay, 0.02, 40),
        durable: waited(one.durable as LoadFigures, 0.1, 300),
        driehoek: waited(one.driehoek, 0.15, 600) as SizeFigures,
      },
    ]);
    expect(row(table, "main thread waiting for a CPU")).toEqual([
      "2%",
      "10%",
      "15%",
      "7.5×",
      "5.0×",
      "1.5×",
    ]);
    expect(row(table, "main thread preempted")).toEqual([
      "40/s",
      "300/s",
      "600/s",
      "15.0×",
      "7.5×",
      "2.0×",
    ]);
    // Figures from before the count was taken print a dash, not zero.
    expect(row(comparison([one]), "main thread preempted")[0]).toBe("-");
  });

  it("prints, with --perf, each server's CPU per update by thread and by what the main thread did", () => {
    const one = round(10, 15, 20);
    // 20,000 updates typed in the window; 499 samples a second, so 998 samples are 2 s of CPU:
    // 100 µs per update.
    const sampled = (
      x: LoadFigures,
      door: number,
      writes: number,
      others: number,
    ): LoadFigures => ({
      ...x,
      results: { ...x.results, typedInWindow: 20_000 },
      perf: {
        main: new Map([
          ["the door's checks", door],
          ["socket writes", writes],
        ]),
        mainTotal: door + writes,
        others,
      },
    });
    const table = comparison([
      {
        relay: sampled(one.relay, 0, 998, 0),
        durable: sampled(one.durable as LoadFigures, 0, 998, 499),
        driehoek: sampled(one.driehoek, 499, 998, 998) as SizeFigures,
      },
    ]);
    expect(row(table, "perf: main thread")).toEqual([
      "100 µs",
      "100 µs",
      "150 µs",
      "1.5×",
      "1.0×",
      "1.5×",
    ]);
    // Work the relays do not do has no ratio to them.
    expect(row(table, "perf: main thread, the door's checks")).toEqual([
      "0 µs",
      "0 µs",
      "50 µs",
      "-",
      "-",
      "-",
    ]);
    expect(row(table, "perf: other threads").slice(1, 3)).toEqual(["50 µs", "100 µs"]);
    // Without a recording of every server, no perf rows.
    expect(comparison([one])).not.toContain("perf:");
  });

  it("prints plain figures for one round, and no stored rows without a durable relay", () => {
    const one = round(10, 15, 20);
    const table = comparison([{ ...one, durable: null }]);
    expect(row(table, "relay p99")).toEqual(["10 ms", "20 ms", "2.0×"]);
    expect(table).not.toContain("stored p99");
    expect(table).not.toContain("rounds");
  });
});
