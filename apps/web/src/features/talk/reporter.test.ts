import { describe, expect, it } from "vitest";
import { BATCH_MAX, type SendOutcome, type TalkReport, TalkReporter } from "./reporter";

const span = (i: number): TalkReport => ({
  start: i * 1000,
  end: i * 1000 + 500,
  source: "ENERGY",
});

describe("sending speaking intervals in batches", () => {
  it("sends at most a batch per call, keeps a batch that could not be sent, drops a refused one", async () => {
    const outcomes: SendOutcome[] = ["retry", "sent", "refused"];
    const sent: TalkReport[][] = [];
    const reporter = new TalkReporter(async (batch) => {
      sent.push(batch);
      return outcomes.shift() ?? "sent";
    });
    reporter.add(Array.from({ length: BATCH_MAX + 5 }, (_, i) => span(i)));
    expect(await reporter.flush(0)).toBe("retry");
    expect(reporter.pending).toBe(BATCH_MAX + 5);
    expect(await reporter.flush(0)).toBe("sent");
    expect(sent[1]).toHaveLength(BATCH_MAX);
    expect(reporter.pending).toBe(5);
    expect(await reporter.flush(0)).toBe("refused");
    expect(reporter.pending).toBe(0);
    expect(await reporter.flush(0)).toBeNull();
  });
});
