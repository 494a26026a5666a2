/** The demo school's fixed content: believable, invented people and companies. */

export const DEMO_PASSWORD = "driehoek-demo";

export const PROGRAMMES = [
  {
    key: "sd",
    crebo: "25998",
    name: "Software developer",
    level: 4,
    werkprocessen: [
      ["B1-K1-W1", "Plant werkzaamheden en bewaakt de voortgang"],
      ["B1-K1-W2", "Ontwerpt software"],
      ["B1-K1-W3", "Realiseert (onderdelen van) software"],
      ["B1-K1-W4", "Test software"],
      ["B1-K1-W5", "Doet verbetervoorstellen voor de software"],
      ["B1-K2-W1", "Voert overleg"],
      ["B1-K2-W2", "Presenteert het opgeleverde werk"],
      ["B1-K2-W3", "Reflecteert op het werk"],
    ],
  },
  {
    key: "vig",
    crebo: "25655",
    name: "Verzorgende-IG",
    level: 3,
    werkprocessen: [
      ["B1-K1-W1", "Onderkent gezondheidsrisico's en signaleert veranderingen"],
      ["B1-K1-W2", "Stelt het zorgplan op en/of bij"],
      ["B1-K1-W3", "Voert verpleegtechnische handelingen uit"],
      ["B1-K2-W1", "Stemt de werkzaamheden af met andere betrokkenen"],
      ["P1-K1-W1", "Ondersteunt bij wonen en huishouden"],
    ],
  },
] as const;

export const STAFF = [
  {
    key: "begeleider",
    name: "Marieke de Vries",
    email: "m.devries@demo.driehoek.nl",
    role: "bpv_begeleider",
  },
  {
    key: "begeleider2",
    name: "Joost Bakker",
    email: "j.bakker@demo.driehoek.nl",
    role: "bpv_begeleider",
  },
  {
    key: "traject",
    name: "Ahmed El Amrani",
    email: "a.elamrani@demo.driehoek.nl",
    role: "trajectbegeleider",
  },
  { key: "admin", name: "Fleur Hendriks", email: "beheer@demo.driehoek.nl", role: "admin" },
] as const;

export const COMPANIES = [
  {
    key: "bytewerk",
    name: "Bytewerk B.V.",
    city: "Rotterdam",
    sbb: "100234567",
    recognisedFor: ["sd"],
    trainer: "Kees van Dijk",
  },
  {
    key: "linde",
    name: "Zorgcentrum De Linde",
    city: "Schiedam",
    sbb: "100876543",
    recognisedFor: ["vig"],
    trainer: "Ingrid Smit",
  },
  {
    key: "pixel",
    name: "Pixelpraat",
    city: "Delft",
    sbb: null,
    recognisedFor: [],
    trainer: "Ruben Mulder",
  },
] as const;

/**
 * Students and their placements; the POK facts make some valid and some not. The placement dates
 * (days from the day the demo is seeded) show each standing against the frequency rule on the
 * staff pages: Sanne's year-long placement is on track (the earlier conversation covers its
 * first window, today's is planned); Daan's ten-month placement started 300 days ago without a
 * conversation, so a leerwerkperiode has ended without one (overdue); Lotte's is a short stage
 * of ten weeks that has just begun; Youssef's ended more than a school year ago (history only).
 */
export const STUDENTS = [
  {
    key: "sanne",
    name: "Sanne Jansen",
    number: "2091834",
    programme: "sd",
    cohort: "2025-2026",
    birthYearsAgo: 19,
    company: "bytewerk",
    begeleider: "begeleider",
    pok: "valid",
    placementDays: { start: -120, end: 245 },
  },
  {
    key: "daan",
    name: "Daan Visser",
    number: "2093310",
    programme: "sd",
    cohort: "2025-2026",
    birthYearsAgo: 18,
    company: "pixel",
    begeleider: "begeleider",
    pok: "unsigned_unrecognised",
    placementDays: { start: -300, end: 60 },
  },
  {
    key: "lotte",
    name: "Lotte de Boer",
    number: "2102277",
    programme: "vig",
    cohort: "2026-2027",
    birthYearsAgo: 17,
    company: "linde",
    begeleider: "begeleider",
    pok: "missing_parent",
    placementDays: { start: -14, end: 56 },
  },
  {
    key: "youssef",
    name: "Youssef Benali",
    number: "2088012",
    programme: "vig",
    cohort: "2024-2025",
    birthYearsAgo: 20,
    company: "linde",
    begeleider: "begeleider2",
    pok: "valid",
    placementDays: { start: -900, end: -500 },
  },
] as const;

/** The agreements made in the demo's earlier conversation, now up for review. */
export const EARLIER_AGREEMENTS = [
  {
    text: "Sanne bouwt zelfstandig de zoekfunctie van de klantenportal en vraagt daarover feedback in de code review.",
    owner: "student",
    measure: "De zoekfunctie staat live en de review is afgerond.",
    firstStep: "Ontwerp schetsen en bespreken met Kees.",
    werkproces: "B1-K1-W3",
    dueInDays: -20,
  },
  {
    text: "Sanne presenteert haar werk aan het team in de sprintdemo.",
    owner: "student",
    measure: "Presentatie gegeven; feedback van twee collega's genoteerd.",
    firstStep: "Datum van de demo vastleggen.",
    werkproces: "B1-K2-W2",
    dueInDays: -5,
  },
  {
    text: "Kees plant elke twee weken een voortgangsgesprek van een half uur met Sanne.",
    owner: "praktijkopleider",
    measure: "Gesprekken staan in beide agenda's.",
    firstStep: "Terugkerende afspraak maken.",
    werkproces: null,
    dueInDays: -60,
  },
] as const;
