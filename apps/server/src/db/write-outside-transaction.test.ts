import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database.js";
import { Setting } from "../modules/setting/setting.entity.js";
import { inTransaction } from "./transaction.js";

/** A promise and the function that settles it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const settingOf = async (
  dataSource: Awaited<ReturnType<ReturnType<typeof openTestDatabase>["dataSource"]>>,
  key: string,
) => (await dataSource.manager.findOneBy(Setting, { key }))?.value ?? null;

/**
 * TypeORM shares one SQLite connection between every request; a write made outside any
 * transaction while another request's transaction is open must not become part of it.
 */
describe("SQLite: a write outside a transaction while another request's is open", () => {
  const db = openTestDatabase("sqlite");
  afterAll(() => db.close());

  it("is kept when that transaction rolls back", async () => {
    const dataSource = await db.dataSource();
    const insideStarted = gate();
    const outsideSent = gate();
    const failed = inTransaction(dataSource, async (tx) => {
      await tx.insert(Setting, { key: "rolled-back", value: "1" });
      insideStarted.open();
      await outsideSent.opened;
      // Let the other write reach the driver before this transaction gives up.
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error("this request fails");
    });
    await insideStarted.opened;
    const outside = dataSource.manager.insert(Setting, { key: "outside", value: "kept" });
    outsideSent.open();
    await expect(failed).rejects.toThrow("this request fails");
    await outside;
    expect(await settingOf(dataSource, "rolled-back")).toBeNull();
    expect(await settingOf(dataSource, "outside")).toBe("kept");
  });

  it("waits for that transaction and lands after it, not inside it", async () => {
    const dataSource = await db.dataSource();
    const insideStarted = gate();
    const order: string[] = [];
    const inside = inTransaction(dataSource, async (tx) => {
      await tx.insert(Setting, { key: "order-inside", value: "1" });
      insideStarted.open();
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push("inside committed");
    });
    await insideStarted.opened;
    await dataSource.manager.update(Setting, { key: "order-inside" }, { value: "2" });
    order.push("outside done");
    await inside;
    expect(order).toEqual(["inside committed", "outside done"]);
    expect(await settingOf(dataSource, "order-inside")).toBe("2");
  });

  it("does not wait for work that a transaction left running after it ended", async () => {
    const dataSource = await db.dataSource();
    let late: Promise<unknown> = Promise.resolve();
    await inTransaction(dataSource, async (tx) => {
      await tx.insert(Setting, { key: "late", value: "1" });
      // Started inside the transaction, run after it: a write of its own, not the transaction's.
      late = new Promise((resolve) => setTimeout(resolve, 10)).then(() =>
        dataSource.manager.update(Setting, { key: "late" }, { value: "2" }),
      );
    });
    const blocker = gate();
    const holder = inTransaction(dataSource, async () => {
      await blocker.opened;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    // The late write waits for the open transaction instead of joining it.
    expect(await settingOf(dataSource, "late")).toBe("1");
    blocker.open();
    await holder;
    await late;
    expect(await settingOf(dataSource, "late")).toBe("2");
  });
});
