import type { Role } from "@driehoek/domain";

/**
 * Caret and presence colours per role; the same as the server's, so a colour means the same
 * person on every screen. Each keeps 4.5:1 contrast with white label text.
 */
export const ROLE_COLOURS: Partial<Record<Role, string>> = {
  student: "#1f6feb",
  praktijkopleider: "#b35900",
  bpv_begeleider: "#1a7f37",
};

/** Colour of anyone else (a reader). */
export const OTHER_COLOUR = "#6e7781";

/** The colour of a role. */
export function colourOf(role: string | null | undefined): string {
  return ROLE_COLOURS[role as Role] ?? OTHER_COLOUR;
}
