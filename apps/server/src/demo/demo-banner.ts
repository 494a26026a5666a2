import type { Services } from "../context.js";
import { demoAccess } from "./seed-demo.js";

/**
 * The start-up lines about the demo school, clearly marked DEMO: its logins and today's
 * invite links for a newcomer trying Driehoek. Nothing when the demo is off, and never
 * passwords or links in production (`NODE_ENV=production`), where logs are kept and read
 * by others.
 */
export async function demoBanner(
  services: Services,
  nodeEnv: string | undefined,
): Promise<string[]> {
  if (!services.config.seedDemo) return [];
  const demo = await demoAccess(services);
  if (!demo) return [];
  if (nodeEnv === "production") {
    return [
      "DEMO: de demoschool staat in deze database (SEED_DEMO=true); inloggegevens worden in productie niet getoond.",
    ];
  }
  return [
    "==== DEMO — de demoschool, om Driehoek uit te proberen; niet voor echte gegevens ====",
    ...demo.staff.map((s) => `staff ${s.role}: ${s.email} / ${s.password} (${s.name})`),
    ...demo.invites.map((invite) => `invite ${invite.role}: ${invite.url}`),
    "==== Voor een echte installatie: NODE_ENV=production en npm run admin:create (zie README) ====",
  ];
}
