import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { Setting } from "../modules/setting/setting.entity.js";

const KEY_NAME = "token_key";

/**
 * The key that signs access tokens and invite links. Kept in the database, so a restart keeps
 * every issued token valid and every server process shares it. Made once, on first start.
 */
export async function loadServerKey(dataSource: DataSource): Promise<Buffer> {
  const settings = dataSource.getRepository(Setting);
  const existing = await settings.findOneBy({ key: KEY_NAME });
  if (existing) return Buffer.from(existing.value, "base64");
  const fresh = randomBytes(32).toString("base64");
  // Two processes starting together both try; the primary key lets exactly one win.
  await settings
    .createQueryBuilder()
    .insert()
    .values({ key: KEY_NAME, value: fresh })
    .orIgnore()
    .execute();
  const stored = await settings.findOneByOrFail({ key: KEY_NAME });
  return Buffer.from(stored.value, "base64");
}
