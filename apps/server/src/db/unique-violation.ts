/**
 * A write refused by a unique index: which table and columns (as `table.column`, several for an
 * index over more columns). A check before the write ("is this e-mail address free?") cannot
 * see what another transaction writes at the same moment; the index can, and the caller turns
 * its refusal into the same answer the check gives (docs/decisions/0016).
 */
export interface UniqueViolation {
  table: string;
  columns: string[];
}

interface DriverError {
  code?: unknown;
  message?: unknown;
  table?: unknown;
  detail?: unknown;
  driverError?: DriverError;
}

/**
 * The unique index `error` ran into, or null when it is another error. PostgreSQL answers code
 * 23505 with the table and `Key (column, …)=(…) already exists.`; SQLite answers
 * `SQLITE_CONSTRAINT: UNIQUE constraint failed: table.column, …`.
 */
export function uniqueViolation(error: unknown): UniqueViolation | null {
  if (!error || typeof error !== "object") return null;
  const driver = ((error as DriverError).driverError ?? error) as DriverError;
  if (driver.code === "23505") {
    const table = typeof driver.table === "string" ? driver.table : "";
    const key = /^Key \(([^)]*)\)=/.exec(typeof driver.detail === "string" ? driver.detail : "");
    const columns = key?.[1]?.split(",").map((c) => `${table}.${c.trim().replace(/"/g, "")}`);
    return { table, columns: columns ?? [] };
  }
  const message = typeof driver.message === "string" ? driver.message : "";
  const sqlite = /UNIQUE constraint failed: (.*)$/m.exec(message);
  if (String(driver.code).startsWith("SQLITE_CONSTRAINT") && sqlite?.[1]) {
    const columns = sqlite[1].split(",").map((c) => c.trim());
    return { table: columns[0]?.split(".")[0] ?? "", columns };
  }
  return null;
}

/** Whether `error` is a unique index's refusal of `table.column` (e.g. `person.email`). */
export function isUniqueViolationOf(error: unknown, column: string): boolean {
  return uniqueViolation(error)?.columns.includes(column) ?? false;
}
