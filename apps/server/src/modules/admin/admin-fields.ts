import { type InputProblem, inputProblem, paramList } from "../roster/input-problem.js";
import type { Read } from "../roster/roster-values.js";
import type { AdminFieldError } from "./admin.types.js";

/**
 * Reads the fields of one update form with the roster import's value rules, collecting every
 * refused field, so the admin sees all of them at once and nothing is saved.
 */
export class FieldReader {
  readonly errors: AdminFieldError[] = [];
  /** The fields whose value differs from what is stored. */
  readonly changed: string[] = [];

  /** Records a problem with `field`. */
  refuse(field: string, problem: InputProblem): void {
    const { code, params, message } = problem;
    this.errors.push({ field, code, params: paramList(params), message });
  }

  /** A required value: undefined when not given or refused. */
  required<T>(field: string, text: string | undefined, reader: (text: string) => Read<T>) {
    if (text === undefined) return undefined;
    if (text.trim() === "") {
      this.refuse(field, inputProblem("required"));
      return undefined;
    }
    return this.read(field, text.trim(), reader);
  }

  /** An optional value: null when emptied, undefined when not given or refused. */
  optional<T>(field: string, text: string | undefined, reader: (text: string) => Read<T>) {
    if (text === undefined) return undefined;
    if (text.trim() === "") return null;
    return this.read(field, text.trim(), reader);
  }

  /** `next` when given, else `stored`; notes the field as changed when they differ. */
  pick<T>(field: string, next: T | undefined, stored: T): T {
    if (next === undefined) return stored;
    if (next !== stored) this.changed.push(field);
    return next;
  }

  private read<T>(field: string, text: string, reader: (text: string) => Read<T>) {
    const result = reader(text);
    if ("problem" in result) {
      this.refuse(field, result.problem);
      return undefined;
    }
    return result.value;
  }
}
