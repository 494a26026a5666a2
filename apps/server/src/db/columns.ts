import {
  Column,
  type ColumnOptions,
  ForeignKey,
  Index,
  PrimaryColumn,
  type ValueTransformer,
} from "typeorm";

/** A stored moment as a Date (null stays null), as the column reads it; for raw rows too. */
export const momentFrom = (value: string | null): Date | null => (value ? new Date(value) : null);

/**
 * Moments are stored as ISO-8601 UTC text of fixed width ("2026-11-28T17:34:09.123Z").
 * The same column then works on SQLite and PostgreSQL, and text order is time order,
 * so range queries and ORDER BY need no dialect-specific functions.
 */
const isoMoment: ValueTransformer = {
  to: (value: Date | null | undefined) => (value ? value.toISOString() : value),
  from: momentFrom,
};

/** A point in time (stored as ISO text, read back as a Date). */
export function MomentColumn(options: Pick<ColumnOptions, "nullable" | "name"> = {}) {
  return Column({ type: "varchar", length: 24, transformer: isoMoment, ...options });
}

/** A calendar date without time, "YYYY-MM-DD" (the domain package works in these). */
export function DateColumn(options: Pick<ColumnOptions, "nullable" | "name"> = {}) {
  return Column({ type: "varchar", length: 10, ...options });
}

/** Primary key: a UUID made by the application, so both databases behave alike. */
export function IdColumn() {
  return PrimaryColumn({ type: "varchar", length: 36 });
}

/** What happens to a referencing row when the row it points at is deleted. */
export type OnDelete = "CASCADE" | "SET NULL" | "RESTRICT";

/**
 * A reference to another entity's id, with a real foreign key in the database.
 * Entities name their target by class name so that entity files never import each other.
 * The column is indexed too.
 */
export function RefColumn(
  target: string,
  options: Pick<ColumnOptions, "nullable" | "name"> & { onDelete?: OnDelete } = {},
): PropertyDecorator {
  const { onDelete = "RESTRICT", ...columnOptions } = options;
  const column = Column({ type: "varchar", length: 36, ...columnOptions });
  const foreignKey = ForeignKey(target, { onDelete });
  // Neither database indexes referencing columns by itself; every lookup by parent needs one.
  const index = Index();
  return (prototype, property) => {
    column(prototype, property);
    foreignKey(prototype, property);
    index(prototype, property);
  };
}
