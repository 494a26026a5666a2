import { schoolToday } from "@driehoek/domain";
import { Not } from "typeorm";
import type { Services, Viewer } from "../../context.js";
import { lockRow } from "../../db/row-lock.js";
import { notFound } from "../../graphql/errors.js";
import { Person } from "../people/person.entity.js";
import { refreshFrequency } from "../placement/frequency-state.js";
import { Placement } from "../placement/placement.entity.js";
import { inputProblem } from "../roster/input-problem.js";
import {
  endDateProblem,
  pokTerms,
  readDate,
  readEmail,
  readHoursPerWeek,
} from "../roster/roster-values.js";
import type { AdminPlacement, AdminUpdate, UpdatePlacementInput } from "./admin.types.js";
import { placementsQuery, toPlacement } from "./admin-lists.js";
import { changedColumns, found, save, text } from "./admin-save.js";

/** The POK's three signature dates, as the form and the roster file name them. */
const SIGNATURES = ["pokStudentSignedAt", "pokSchoolSignedAt", "pokCompanySignedAt"] as const;

/** Saves a placement's dates, hours, begeleider and POK; judges its frequency again. */
export function updatePlacement(
  services: Services,
  viewer: Viewer,
  input: UpdatePlacementInput,
): Promise<AdminUpdate<AdminPlacement>> {
  return save(
    services,
    viewer,
    "placement",
    input.id,
    async (manager, fields) => {
      if (!(await lockRow(manager, "placement", input.id))) throw notFound("Placement");
      const stored = await manager.findOne(Placement, { where: { id: input.id } });
      if (!stored) throw notFound("Placement");
      const startDate = fields.required("startDate", input.startDate, readDate);
      const endDate = fields.required("endDate", input.endDate, readDate);
      const hoursPerWeek = fields.required("hoursPerWeek", input.hoursPerWeek, readHoursPerWeek);
      const begeleiderEmail = fields.required("begeleiderEmail", input.begeleiderEmail, readEmail);
      const pokNumber = fields.optional("pokNumber", input.pokNumber, text(40, false));
      const signed = Object.fromEntries(
        SIGNATURES.map((f) => [f, fields.optional(f, input[f], readDate)]),
      ) as Record<(typeof SIGNATURES)[number], string | null | undefined>;
      let begeleiderId: string | undefined;
      if (begeleiderEmail) {
        const begeleider = await manager.findOne(Person, { where: { email: begeleiderEmail } });
        if (begeleider?.role === "bpv_begeleider") begeleiderId = begeleider.id;
        else {
          fields.refuse(
            "begeleiderEmail",
            inputProblem("unknown_begeleider", { email: begeleiderEmail }),
          );
        }
      }
      const next = {
        startDate: fields.pick("startDate", startDate, stored.startDate),
        endDate: fields.pick("endDate", endDate, stored.endDate),
        hoursPerWeek: fields.pick("hoursPerWeek", hoursPerWeek, stored.hoursPerWeek),
        begeleiderId: fields.pick("begeleiderEmail", begeleiderId, stored.begeleiderId),
        pokNumber: fields.pick("pokNumber", pokNumber === null ? "" : pokNumber, stored.pokNumber),
        ...(Object.fromEntries(
          SIGNATURES.map((f) => [f, fields.pick(f, signed[f], stored[f])]),
        ) as Record<(typeof SIGNATURES)[number], string | null>),
      };
      const dateOrder = endDateProblem(next.startDate, next.endDate);
      if (dateOrder && (startDate || endDate))
        fields.refuse(endDate ? "endDate" : "startDate", dateOrder);
      if (next.startDate !== stored.startDate) {
        const twin = await manager.findOne(Placement, {
          where: { studentId: stored.studentId, startDate: next.startDate, id: Not(stored.id) },
        });
        if (twin) fields.refuse("startDate", inputProblem("start_date_taken"));
      }
      const terms = pokTerms({ ...next, storedStatus: stored.pokStatus });
      const isTermsChange = ["startDate", "endDate", "hoursPerWeek"].some((f) =>
        fields.changed.includes(f),
      );
      const isSigningChange = fields.changed.some((f) => f.endsWith("SignedAt"));
      return async () => {
        await manager.update(
          Placement,
          { id: stored.id },
          {
            ...changedColumns(fields, next, { begeleiderId: "begeleiderEmail" }),
            ...(isTermsChange
              ? {
                  pokStartDate: terms.pokStartDate,
                  pokEndDate: terms.pokEndDate,
                  pokHours: terms.pokHours,
                }
              : {}),
            ...(isSigningChange ? { pokStatus: terms.pokStatus } : {}),
          },
        );
        if (isTermsChange) await refreshFrequency(manager, stored.id, schoolToday(services.now()));
      };
    },
    async (manager) =>
      toPlacement(
        found(await placementsQuery(manager).where("pl.id = :id", { id: input.id }).getRawOne()),
      ),
  );
}
