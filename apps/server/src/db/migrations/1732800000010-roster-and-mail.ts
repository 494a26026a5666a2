import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from "typeorm";

/**
 * The roster import and the mail outbox: a person's language for mail, the student's leerweg,
 * when a placement last came in from an import, each conversation's calendar plan, and the
 * outbox of e-mails.
 */
export class RosterAndMail1732800000010 implements MigrationInterface {
  name = "RosterAndMail1732800000010";

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn(
      "person",
      new TableColumn({ name: "locale", type: "varchar", length: "2", default: "'nl'" }),
    );
    await runner.addColumn(
      "student",
      new TableColumn({ name: "leerweg", type: "varchar", length: "3", isNullable: true }),
    );
    await runner.addColumn(
      "placement",
      new TableColumn({ name: "imported_at", type: "varchar", length: "24", isNullable: true }),
    );
    await runner.createTable(
      new Table({
        name: "conversation_plan",
        columns: [
          { name: "conversation_id", type: "varchar", length: "36", isPrimary: true },
          { name: "duration_minutes", type: "integer" },
          { name: "location", type: "varchar", length: "200", isNullable: true },
          { name: "online_url", type: "varchar", length: "500", isNullable: true },
          { name: "sequence", type: "integer" },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["conversation_id"],
            referencedTableName: "conversation",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "outbox_mail",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "kind", type: "varchar", length: "20" },
          { name: "person_id", type: "varchar", length: "36" },
          { name: "to_address", type: "varchar", length: "254" },
          { name: "subject", type: "varchar", length: "300" },
          { name: "text_body", type: "text" },
          { name: "html_body", type: "text" },
          { name: "ics", type: "text", isNullable: true },
          { name: "ics_method", type: "varchar", length: "10", isNullable: true },
          { name: "conversation_id", type: "varchar", length: "36", isNullable: true },
          { name: "invite_id", type: "varchar", length: "36", isNullable: true },
          { name: "status", type: "varchar", length: "10" },
          { name: "attempts", type: "integer" },
          { name: "next_attempt_at", type: "varchar", length: "24" },
          { name: "last_error", type: "varchar", length: "500", isNullable: true },
          { name: "message_id", type: "varchar", length: "300", isNullable: true },
          { name: "created_at", type: "varchar", length: "24" },
          { name: "sent_at", type: "varchar", length: "24", isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["person_id"],
            referencedTableName: "person",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
          new TableForeignKey({
            columnNames: ["invite_id"],
            referencedTableName: "invite",
            referencedColumnNames: ["id"],
            onDelete: "SET NULL",
          }),
        ],
        indices: [
          new TableIndex({ columnNames: ["status", "next_attempt_at"] }),
          new TableIndex({ columnNames: ["person_id"] }),
          new TableIndex({ columnNames: ["conversation_id"] }),
          new TableIndex({ columnNames: ["invite_id"] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("outbox_mail");
    await runner.dropTable("conversation_plan");
    await runner.dropColumn("placement", "imported_at");
    await runner.dropColumn("student", "leerweg");
    await runner.dropColumn("person", "locale");
  }
}
