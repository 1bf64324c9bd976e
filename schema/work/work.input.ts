import { Field, ID, InputType } from "type-graphql";
import { DateScalar, DecimalScalar } from "../scalars/index.js";

@InputType({ description: "A project to create." })
export class ProjectInput {
  @Field(() => String) name!: string;
  @Field(() => ID, { nullable: true, description: "Global id of the client Contact." }) contactId?: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => DateScalar, { nullable: true }) startDate?: string;
  @Field(() => DateScalar, { nullable: true, description: "Not before startDate." }) dueDate?: string;
  @Field(() => DecimalScalar, { nullable: true }) budget?: string;
  @Field(() => DecimalScalar, { nullable: true }) hourlyRate?: string;
}

@InputType({ description: "A task to add to a project." })
export class TaskInput {
  @Field(() => ID, { description: "Global id of the Project." }) projectId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => DateScalar, { nullable: true }) dueDate?: string;
  @Field(() => DecimalScalar, { nullable: true }) estimatedHours?: string;
  @Field(() => ID, { nullable: true, description: "Global id of the Staff member to assign it to." }) assigneeId?: string;
}

@InputType({ description: "Hours worked on a day, on a project (and optionally one of its tasks)." })
export class TimeEntryInput {
  @Field(() => ID, { description: "Global id of the Project." }) projectId!: string;
  @Field(() => ID, { nullable: true, description: "Global id of a Task of that project." }) taskId?: string;
  @Field(() => ID, { nullable: true, description: "Global id of the Staff member who worked; default the account's owner." }) staffId?: string;
  @Field(() => DateScalar) date!: string;
  @Field(() => DecimalScalar, { description: "More than 0, at most 24." }) hours!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => Boolean, { nullable: true }) isBillable?: boolean;
}
