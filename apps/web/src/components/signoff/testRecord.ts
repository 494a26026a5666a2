import type { SignatureView } from "../../graphql/signoff";
import type { RecordContent } from "./record";

/** A record as the server builds it, with every part filled; override what a test is about. */
export function makeRecord(overrides: Partial<RecordContent> = {}): RecordContent {
  return {
    schema: "driehoek.record/1",
    conversationId: "c1",
    scheduledAt: "2026-03-03T09:30:00.000Z",
    mode: "in_person",
    startedAt: "2026-03-03T09:31:00.000Z",
    endedAt: "2026-03-03T10:10:00.000Z",
    student: { name: "Sanne de Vries", studentNumber: "100234", cohort: "2024" },
    programme: { crebo: "25655", name: "Verzorgende IG", level: 3 },
    company: { name: "Zorggroep Oost", city: "Enschede" },
    participants: [
      { role: "student", name: "Sanne de Vries" },
      { role: "praktijkopleider", name: "Peter Jansen" },
      { role: "bpv_begeleider", name: "Bram Bakker" },
    ],
    pok: { number: "POK-1", isValid: true, problems: [], checkedOn: "2026-03-03" },
    review: [],
    notes: [],
    summary: "",
    conclusion: { value: null, motivation: null, studentValue: null, studentMotivation: null },
    agreements: [],
    particulars: [],
    ...overrides,
  };
}

/** One signature as the API shows it. */
export function makeSignature(
  role: "student" | "praktijkopleider" | "bpv_begeleider",
  overrides: Partial<SignatureView["signature"]> = {},
  isValid = true,
): SignatureView {
  const names = {
    student: "Sanne de Vries",
    praktijkopleider: "Peter Jansen",
    bpv_begeleider: "Bram Bakker",
  };
  return {
    isValid,
    changes: [],
    person: { id: `p-${role}`, name: names[role], role },
    signature: {
      id: `s-${role}-${overrides.signedAt ?? "1"}`,
      role,
      method: "digital",
      contentHash: "a".repeat(64),
      signedAt: "2026-03-03T10:15:00.000Z",
      voidedAt: null,
      voidReason: null,
      ...overrides,
    },
  };
}

/** The three participants as the live page has them. */
export const PARTICIPANTS = [
  {
    role: "student" as const,
    person: { id: "p-student", name: "Sanne de Vries", role: "student" as const },
  },
  {
    role: "praktijkopleider" as const,
    person: { id: "p-praktijkopleider", name: "Peter Jansen", role: "praktijkopleider" as const },
  },
  {
    role: "bpv_begeleider" as const,
    person: { id: "p-bpv_begeleider", name: "Bram Bakker", role: "bpv_begeleider" as const },
  },
];
