import { randomUUID } from "node:crypto";
import { addDays, checkPok } from "@driehoek/domain";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSchool } from "../../bench/reports-seed.js";
import { openTestDatabase, testDatabases } from "../../test/support/database.js";
import { Person } from "../modules/people/person.entity.js";
import { Placement } from "../modules/placement/placement.entity.js";
import { pokFactsOf } from "../modules/placement/pok-facts.js";
import { judgePokState, pokStateReady } from "../modules/placement/pok-state.js";
import { CompanyRecognition } from "../modules/school/company.entity.js";
import { Student } from "../modules/school/student.entity.js";

/*
 * The POK's state kept per placement (migration 1732800000140, docs/decisions/0015): for the
 * kept day it equals the domain's `checkPok` of each placement, with the report's sort keys,
 * whatever changes one of its facts, at once; a new day is judged by `judgePokState`.
 */

/** Each placement as the domain judges it on `day`: `id|valid|pokEnd|name|end`. */
async function judgedByDomain(dataSource: DataSource, day: string): Promise<string[]> {
  const lines: string[] = [];
  const manager = dataSource.manager;
  for (const placement of await manager.find(Placement)) {
    const facts = await pokFactsOf(manager, placement, day);
    const student = await manager.findOneByOrFail(Student, { id: placement.studentId });
    const person = await manager.findOneByOrFail(Person, { id: student.personId });
    const valid = checkPok(facts, day).isValid ? 1 : 0;
    lines.push(
      `${placement.id}|${valid}|${placement.pokEndDate}|${person.name}|${placement.endDate}`,
    );
  }
  return lines.sort();
}

async function kept(dataSource: DataSource): Promise<string[]> {
  const rows: Record<string, unknown>[] = await dataSource.query(
    "SELECT placement_id, valid, pok_end_date, student_name, placement_end_date FROM pok_state",
  );
  return rows
    .map(
      (r) =>
        `${r.placement_id}|${Number(r.valid)}|${r.pok_end_date}|${r.student_name}|${r.placement_end_date}`,
    )
    .sort();
}

describe.each(testDatabases())("the POK's kept state on %s", (kind) => {
  const opened = openTestDatabase(kind);
  afterAll(() => opened.close());
  let dataSource: DataSource;
  const TODAY = "2026-03-09";

  beforeAll(async () => {
    dataSource = await opened.dataSource();
    await seedSchool(dataSource, { placements: 80, conversations: 200, today: TODAY, seed: 7 });
  });

  it("is not read before its day is judged, and equals the domain's judgement after", async () => {
    expect(await pokStateReady(dataSource, TODAY)).toBe(false);
    expect(await judgePokState(dataSource, TODAY)).toBe(80);
    expect(await pokStateReady(dataSource, TODAY)).toBe(true);
    const state = await kept(dataSource);
    expect(state).toEqual(await judgedByDomain(dataSource, TODAY));
    // The seeded school has both valid and invalid POKs.
    expect(state.filter((line) => line.split("|")[1] === "1").length).toBeGreaterThan(5);
    expect(state.filter((line) => line.split("|")[1] === "0").length).toBeGreaterThan(5);
    // A day judged once is not judged again.
    expect(await judgePokState(dataSource, TODAY)).toBe(0);
  });

  it("follows every fact of the rule as it is written", async () => {
    const placements = dataSource.getRepository(Placement);
    const all = await placements.find({ order: { id: "ASC" } });
    const [signed, terminated, ended, started, moved, renamed, born] = all as Placement[];
    await placements.update(signed.id, {
      pokStudentSignedAt: TODAY,
      pokSchoolSignedAt: TODAY,
      pokCompanySignedAt: TODAY,
      pokParentSignedAt: TODAY,
    });
    await placements.update(terminated.id, { pokStatus: "terminated" });
    await placements.update(ended.id, { pokEndDate: addDays(TODAY, -1), endDate: "2031-01-31" });
    await placements.update(started.id, { pokStartDate: addDays(TODAY, 1) });
    await placements.update(moved.id, { companyId: terminated.companyId });
    const student = await dataSource.manager.findOneByOrFail(Student, { id: renamed.studentId });
    await dataSource.getRepository(Person).update(student.personId, { name: "Zoë Aangepast" });
    // A minor at the POK's start needs a parent's signature.
    await dataSource.getRepository(Student).update(born.studentId, { birthDate: "2012-05-01" });
    await placements.update(born.id, { pokParentSignedAt: null });
    expect(await kept(dataSource)).toEqual(await judgedByDomain(dataSource, TODAY));

    // Recognitions added, changed and removed.
    const recognitions = dataSource.getRepository(CompanyRecognition);
    const studentOf = async (p: Placement) =>
      dataSource.manager.findOneByOrFail(Student, { id: p.studentId });
    const programmeId = (await studentOf(signed)).programmeId;
    const added = randomUUID();
    await recognitions.insert({
      id: added,
      companyId: signed.companyId,
      programmeId,
      validFrom: "2015-01-01",
      validUntil: null,
    });
    expect(await kept(dataSource)).toEqual(await judgedByDomain(dataSource, TODAY));
    await recognitions.update(added, { validUntil: addDays(TODAY, -1) });
    expect(await kept(dataSource)).toEqual(await judgedByDomain(dataSource, TODAY));
    await recognitions.update(added, { validUntil: null });
    const any = (await recognitions.find({ order: { id: "ASC" } })).filter((r) => r.id !== added);
    for (const recognition of any.slice(0, 5)) await recognitions.delete(recognition.id);
    await recognitions.delete(added);
    expect(await kept(dataSource)).toEqual(await judgedByDomain(dataSource, TODAY));
  });

  it("a new placement has its state at once, and a removed one loses it", async () => {
    const [model] = await dataSource.getRepository(Placement).find({ take: 1 });
    const id = randomUUID();
    await dataSource
      .getRepository(Placement)
      .insert({ ...(model as Placement), id, pokNumber: "POK-NEW" });
    const state = await kept(dataSource);
    expect(state.some((line) => line.startsWith(`${id}|`))).toBe(true);
    expect(state).toEqual(await judgedByDomain(dataSource, TODAY));
    await dataSource.getRepository(Placement).delete(id);
    expect((await kept(dataSource)).some((line) => line.startsWith(`${id}|`))).toBe(false);
  });

  /**
   * A placement whose POK lacks only the student's signature and the company's recognition, and
   * two transactions at once (PostgreSQL), one adding each: whichever writes first, the POK is
   * valid after both, as each judgement waits for the other's placement write and reads it.
   */
  it.skipIf(kind !== "postgres")(
    "a signature and a recognition added at the same moment make the POK valid, in either order",
    async () => {
      await judgePokState(dataSource, TODAY);
      const placements = dataSource.getRepository(Placement);
      const recognitions = dataSource.getRepository(CompanyRecognition);
      for (const signFirst of [true, false]) {
        const [placement] = await placements.find({
          where: { pokStatus: "active" },
          order: { id: signFirst ? "ASC" : "DESC" },
          take: 1,
        });
        const { id, companyId, studentId } = placement as Placement;
        const student = await dataSource.manager.findOneByOrFail(Student, { id: studentId });
        await dataSource.getRepository(Student).update(studentId, { birthDate: null });
        await placements.update(id, {
          pokStartDate: addDays(TODAY, -30),
          pokEndDate: addDays(TODAY, 300),
          pokStudentSignedAt: null,
          pokSchoolSignedAt: TODAY,
          pokCompanySignedAt: TODAY,
        });
        await recognitions.delete({ companyId, programmeId: student.programmeId });
        const validOf = async () =>
          Number(
            (await dataSource.query(`SELECT valid FROM pok_state WHERE placement_id = $1`, [id]))[0]
              ?.valid,
          );
        expect(await validOf()).toBe(0);

        const sign = dataSource.createQueryRunner();
        const recognise = dataSource.createQueryRunner();
        await sign.startTransaction();
        await recognise.startTransaction();
        const signing = () =>
          sign.query(`UPDATE placement SET pok_student_signed_at = $1 WHERE id = $2`, [TODAY, id]);
        const recognising = () =>
          recognise.query(
            `INSERT INTO company_recognition (id, company_id, programme_id, valid_from, valid_until) VALUES ($1, $2, $3, '2015-01-01', NULL)`,
            [randomUUID(), companyId, student.programmeId],
          );
        // The first one writes; the second starts while the first is open, and waits for it.
        const [first, second] = signFirst ? [sign, recognise] : [recognise, sign];
        await (signFirst ? signing() : recognising());
        const waiting = signFirst ? recognising() : signing();
        await new Promise((resolve) => setTimeout(resolve, 200));
        await first.commitTransaction();
        await waiting;
        await second.commitTransaction();
        await sign.release();
        await recognise.release();
        expect(await validOf(), signFirst ? "signed first" : "recognised first").toBe(1);
        expect(await kept(dataSource)).toEqual(await judgedByDomain(dataSource, TODAY));
      }
    },
  );

  /**
   * The day judged (PostgreSQL) while a write holds one placement and goes on to write another
   * the judgement already holds: the judgement gives way, the write goes through, and the
   * judgement then judges both with what the write left.
   */
  it.skipIf(kind !== "postgres")(
    "judging a new day gives way to a write that holds its placements, and judges them after",
    async () => {
      const day = addDays(TODAY, 2);
      const ids: string[] = (await dataSource.query("SELECT id FROM placement ORDER BY id")).map(
        (row: { id: string }) => row.id,
      );
      const [low, high] = [ids[0], ids.at(-1)];
      const writer = dataSource.createQueryRunner();
      await writer.startTransaction();
      await writer.query(`UPDATE placement SET pok_student_signed_at = NULL WHERE id = $1`, [high]);
      const judging = judgePokState(dataSource, day);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // The judgement holds `low` now and waits for `high`; the write now wants `low` too.
      await writer.query(`UPDATE placement SET pok_school_signed_at = NULL WHERE id = $1`, [low]);
      await writer.commitTransaction();
      await writer.release();
      expect(await judging).toBe(ids.length);
      expect(await pokStateReady(dataSource, day)).toBe(true);
      expect(await kept(dataSource)).toEqual(await judgedByDomain(dataSource, day));
    },
  );

  it("a new day is judged again: POKs start, end and lose their recognition with the date", async () => {
    for (const day of [addDays(TODAY, 1), "2027-09-01", "2025-08-01"]) {
      expect(await pokStateReady(dataSource, day)).toBe(false);
      expect(await judgePokState(dataSource, day)).toBeGreaterThan(0);
      expect(await pokStateReady(dataSource, day)).toBe(true);
      expect(await pokStateReady(dataSource, TODAY)).toBe(false);
      expect(await kept(dataSource)).toEqual(await judgedByDomain(dataSource, day));
    }
  });
});
