import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The POK's state kept per placement (docs/decisions/0015, "The POK's state kept per
 * placement"): whether the POK is valid on the day the state was judged for, with the report's
 * sort keys beside it (the POK's end date, the student's name) and the placement's end date, so
 * a page of POK issues reads an index in its order instead of judging every placement.
 *
 * `pok_state_day` holds that day (one row): `ready` says every row was judged for it. Triggers
 * judge a placement again, with that day, whenever a fact of its POK rule changes in the same
 * transaction: the placement's POK, dates, student or company; the student's birth date,
 * programme or person; the person's name; a recognition of the company for the programme. The
 * day moves on with the school's date: the server sets the new day (not ready), judges every
 * placement in batches and then marks it ready (`judgePokState`); until then the report judges
 * every placement itself, as before.
 *
 * The rule is the domain's `checkPok` as of this migration, written in SQL (`pokInvalid`); a
 * test holds the kept state equal to the domain's judgement.
 */

/** Columns a placement's judgement reads. */
const PLACEMENT_FACTS = [
  "student_id",
  "company_id",
  "end_date",
  "pok_status",
  "pok_start_date",
  "pok_end_date",
  "pok_student_signed_at",
  "pok_school_signed_at",
  "pok_company_signed_at",
  "pok_parent_signed_at",
];

/** Age in completed years on `date` of someone born on `birth` (the domain's `ageOn`). */
const ageOn = (birth: string, date: string) =>
  `(CAST(substr(${date}, 1, 4) AS INTEGER) - CAST(substr(${birth}, 1, 4) AS INTEGER) - CASE WHEN substr(${date}, 6, 5) < substr(${birth}, 6, 5) THEN 1 ELSE 0 END)`;

/**
 * Whether the POK of placement `p` (student `st`) is invalid on `day` (SQL): any of `checkPok`'s
 * problems.
 */
export const pokInvalid = (day: string) =>
  [
    "p.pok_status = 'terminated'",
    "p.pok_student_signed_at IS NULL",
    "p.pok_school_signed_at IS NULL",
    "p.pok_company_signed_at IS NULL",
    `(p.pok_parent_signed_at IS NULL AND st.birth_date IS NOT NULL AND ${ageOn("st.birth_date", "p.pok_start_date")} < 18)`,
    `p.pok_start_date > ${day}`,
    `p.pok_end_date < ${day}`,
    `NOT EXISTS (SELECT 1 FROM company_recognition r WHERE r.company_id = p.company_id AND r.programme_id = st.programme_id AND r.valid_from <= ${day} AND (r.valid_until IS NULL OR r.valid_until >= ${day}))`,
  ].join(" OR ");

/**
 * Judges the placements `where` selects (SQL over `p`, `st`) for the kept day and writes their
 * state, rewriting only rows that change. On PostgreSQL the placements are read `FOR SHARE`: a
 * judgement made at the same time as a change of one of the placement's facts in another
 * transaction waits for it and reads it (decision 0016), whichever started first.
 */
export function judgePok(where: string, postgres: boolean): string {
  return `INSERT INTO pok_state (placement_id, valid, pok_end_date, student_name, placement_end_date)
   SELECT p.id, CASE WHEN ${pokInvalid("d.day")} THEN 0 ELSE 1 END, p.pok_end_date, sp.name, p.end_date
   FROM placement p
   JOIN student st ON st.id = p.student_id
   JOIN person sp ON sp.id = st.person_id
   CROSS JOIN pok_state_day d
   WHERE ${where}${postgres ? "\n   FOR SHARE OF p" : ""}
   ON CONFLICT (placement_id) DO UPDATE SET valid = excluded.valid,
     pok_end_date = excluded.pok_end_date, student_name = excluded.student_name,
     placement_end_date = excluded.placement_end_date
   WHERE pok_state.valid <> excluded.valid OR pok_state.pok_end_date <> excluded.pok_end_date
     OR pok_state.student_name <> excluded.student_name
     OR pok_state.placement_end_date <> excluded.placement_end_date`;
}

/** What a recognition row `row` (NEW or OLD) touches: its company's placements for its programme. */
const ofRecognition = (row: string) =>
  `p.company_id = ${row}.company_id AND st.programme_id = ${row}.programme_id`;

const SQLITE_TRIGGERS = [
  `CREATE TRIGGER trg_pok_state_placement_insert AFTER INSERT ON placement BEGIN
     ${judgePok("p.id = NEW.id", false)};
   END`,
  `CREATE TRIGGER trg_pok_state_placement_update AFTER UPDATE OF ${PLACEMENT_FACTS.join(", ")} ON placement BEGIN
     ${judgePok("p.id = NEW.id", false)};
   END`,
  `CREATE TRIGGER trg_pok_state_placement_delete AFTER DELETE ON placement BEGIN
     DELETE FROM pok_state WHERE placement_id = OLD.id;
   END`,
  `CREATE TRIGGER trg_pok_state_student AFTER UPDATE OF birth_date, programme_id, person_id ON student BEGIN
     ${judgePok("p.student_id = NEW.id", false)};
   END`,
  `CREATE TRIGGER trg_pok_state_person AFTER UPDATE OF name ON person BEGIN
     ${judgePok("st.person_id = NEW.id", false)};
   END`,
  `CREATE TRIGGER trg_pok_state_recognition_insert AFTER INSERT ON company_recognition BEGIN
     ${judgePok(ofRecognition("NEW"), false)};
   END`,
  `CREATE TRIGGER trg_pok_state_recognition_update AFTER UPDATE ON company_recognition BEGIN
     ${judgePok(ofRecognition("OLD"), false)};
     ${judgePok(ofRecognition("NEW"), false)};
   END`,
  `CREATE TRIGGER trg_pok_state_recognition_delete AFTER DELETE ON company_recognition BEGIN
     ${judgePok(ofRecognition("OLD"), false)};
   END`,
];

const SQLITE_TRIGGER_NAMES = [
  "placement_insert",
  "placement_update",
  "placement_delete",
  "student",
  "person",
  "recognition_insert",
  "recognition_update",
  "recognition_delete",
];

/** A PostgreSQL trigger function `pok_state_<name>` running `body`. */
const postgresFunction = (name: string, body: string) =>
  `CREATE FUNCTION pok_state_${name}() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     ${body}
     RETURN NULL;
   END $$`;

const POSTGRES_TRIGGERS = [
  postgresFunction(
    "placement",
    `IF TG_OP = 'DELETE' THEN
       DELETE FROM pok_state WHERE placement_id = OLD.id;
     ELSE
       ${judgePok("p.id = NEW.id", true)};
     END IF;`,
  ),
  `CREATE TRIGGER trg_pok_state_placement
     AFTER INSERT OR DELETE OR UPDATE OF ${PLACEMENT_FACTS.join(", ")} ON placement
     FOR EACH ROW EXECUTE FUNCTION pok_state_placement()`,
  postgresFunction("student", `${judgePok("p.student_id = NEW.id", true)};`),
  `CREATE TRIGGER trg_pok_state_student AFTER UPDATE OF birth_date, programme_id, person_id ON student
     FOR EACH ROW EXECUTE FUNCTION pok_state_student()`,
  postgresFunction("person", `${judgePok("st.person_id = NEW.id", true)};`),
  `CREATE TRIGGER trg_pok_state_person AFTER UPDATE OF name ON person
     FOR EACH ROW EXECUTE FUNCTION pok_state_person()`,
  postgresFunction(
    "recognition",
    `IF TG_OP <> 'INSERT' THEN
       ${judgePok(ofRecognition("OLD"), true)};
     END IF;
     IF TG_OP <> 'DELETE' THEN
       ${judgePok(ofRecognition("NEW"), true)};
     END IF;`,
  ),
  `CREATE TRIGGER trg_pok_state_recognition AFTER INSERT OR UPDATE OR DELETE ON company_recognition
     FOR EACH ROW EXECUTE FUNCTION pok_state_recognition()`,
];

export class PokState1732800000140 implements MigrationInterface {
  name = "PokState1732800000140";

  async up(runner: QueryRunner): Promise<void> {
    const isPostgres = runner.connection.options.type === "postgres";
    await runner.query(
      `CREATE TABLE "pok_state_day" ("id" integer PRIMARY KEY NOT NULL, "day" varchar(10) NOT NULL, "ready" integer NOT NULL)`,
    );
    await runner.query(`INSERT INTO pok_state_day (id, day, ready) VALUES (1, '', 0)`);
    await runner.query(
      `CREATE TABLE "pok_state" ("placement_id" varchar(36) PRIMARY KEY NOT NULL, "valid" integer NOT NULL, "pok_end_date" varchar(10) NOT NULL, "student_name" varchar(200) NOT NULL, "placement_end_date" varchar(10) NOT NULL)`,
    );
    await runner.query(
      `CREATE INDEX "idx_pok_state_order" ON "pok_state" ("valid", "pok_end_date", "student_name", "placement_id", "placement_end_date")`,
    );
    // Every placement gets its row now; the server judges them for its day when it starts.
    await runner.query(judgePok("true", isPostgres));
    for (const sql of isPostgres ? POSTGRES_TRIGGERS : SQLITE_TRIGGERS) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === "postgres") {
      for (const [table, name] of [
        ["placement", "placement"],
        ["student", "student"],
        ["person", "person"],
        ["company_recognition", "recognition"],
      ] as const) {
        await runner.query(`DROP TRIGGER trg_pok_state_${name} ON ${table}`);
        await runner.query(`DROP FUNCTION pok_state_${name}()`);
      }
    } else {
      for (const name of SQLITE_TRIGGER_NAMES)
        await runner.query(`DROP TRIGGER trg_pok_state_${name}`);
    }
    await runner.query(`DROP TABLE "pok_state"`);
    await runner.query(`DROP TABLE "pok_state_day"`);
  }
}
