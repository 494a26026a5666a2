import { ValidateBy, type ValidationOptions } from "class-validator";

/** The years a date given to the API may fall in: a typo such as 0000 or 3000 is refused. */
export const DATE_YEARS = { min: 2000, max: 2100 } as const;

const RANGE_MESSAGE = `Kies een datum tussen ${DATE_YEARS.min} en ${DATE_YEARS.max}.`;

/** Whether `year` lies within `DATE_YEARS`. */
export function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= DATE_YEARS.min && year <= DATE_YEARS.max;
}

/** A Date argument (DateTimeISO) must be a real moment within `DATE_YEARS`. */
export function IsDateInRange(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: "isDateInRange",
      validator: {
        validate: (value: unknown) =>
          value instanceof Date &&
          !Number.isNaN(value.getTime()) &&
          isYearInRange(value.getUTCFullYear()),
        defaultMessage: () => RANGE_MESSAGE,
      },
    },
    options,
  );
}

/**
 * A day typed as text ('jjjj-mm-dd' or 'dd-mm-jjjj') must fall within `DATE_YEARS`. Text in
 * another shape is left to the field's own reader, which explains what it expects.
 */
export function IsDayInRange(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: "isDayInRange",
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== "string") return true;
          const text = value.trim();
          const year =
            /^(\d{4})-\d{1,2}-\d{1,2}$/.exec(text)?.[1] ??
            /^\d{1,2}[-/.]\d{1,2}[-/.](\d{4})$/.exec(text)?.[1];
          return year === undefined || isYearInRange(Number(year));
        },
        defaultMessage: () => RANGE_MESSAGE,
      },
    },
    options,
  );
}
