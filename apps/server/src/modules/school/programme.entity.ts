import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { IdColumn } from "../../db/columns.js";

/** An MBO programme (opleiding) with its crebo number from the kwalificatiedossier. */
@ObjectType("Programme")
@Entity("programme")
export class Programme {
  @Field(() => ID)
  @IdColumn()
  id: string;
  @Field(() => String)
  @Column({ type: "varchar", length: 10 })
  crebo: string;
  @Field(() => String)
  @Column({ type: "varchar", length: 200 })
  name: string;
  /** MBO level 1–4. */
  @Field(() => Int)
  @Column({ type: "integer" })
  level: number;
}
