import { ArgsType, Field, ID } from 'type-graphql';

/** createWebhook(url, modelId, stages): flat arguments, as the API contract names them. */
@ArgsType()
export class CreateWebhookArgs {
  @Field(() => String, { description: 'An absolute http or https URL.' })
  url!: string;

  @Field(() => ID, { nullable: true, description: 'Only crossings of this model; omitted: every model.' })
  modelId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "Only crossings whose toStage or fromStage is listed (e.g. [\"SQL\"]: leads reaching or leaving SQL); omitted: every crossing.",
  })
  stages?: string[] | null;
}
