import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { IdColumn, RefColumn } from "../../db/columns.js";

/** A werkproces of a programme's kwalificatiedossier, e.g. B1-K1-W2. */
@ObjectType("Werkproces")
@Entity("werkproces")
export class Werkproces {
  @Field(() => ID)
  @IdColumn()
  id: string;
  @RefColumn("Programme", { name: "programme_id" }) programmeId: string;
  @Field(() => String)
  @Column({ type: "varchar", length: 20 })
  code: string;
  @Field(() => String)
  @Column({ type: "varchar", length: 200 })
  title: string;
}
