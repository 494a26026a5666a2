import "reflect-metadata";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { createAdminFromCommandLine } from "../modules/account/first-admin.js";
import { buildServices } from "../services.js";

/**
 * `npm run admin:create -- --email beheer@school.nl --name "Naam"`: creates an admin account
 * on the configured database (the first one of a production install) and prints a one-time
 * link to choose its password. Prints no password: there is none until the link is used.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" } },
    strict: true,
  });
  if (!values.email || !values.name) {
    console.error('Gebruik: npm run admin:create -- --email beheer@school.nl --name "Naam"');
    return 2;
  }
  const services = await buildServices(loadConfig());
  try {
    const admin = await createAdminFromCommandLine(services, {
      email: values.email,
      name: values.name,
    });
    console.log(`Beheerder aangemaakt: ${values.name} <${values.email.trim().toLowerCase()}>`);
    console.log(
      `Kies het wachtwoord via deze link (werkt één keer, ${admin.validHours} uur geldig):`,
    );
    console.log(admin.setPasswordUrl);
    return 0;
  } finally {
    await services.dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error("admin:create is mislukt:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
