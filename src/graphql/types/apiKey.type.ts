import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';

@ObjectType('ApiKey', { description: 'An API key of the workspace; the key itself is only shown at creation.' })
export class ApiKeyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'admin, writer or reader.' })
  role!: string;

  @Field(() => String, { description: 'The first characters of the key, to tell keys apart.' })
  prefix!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyType extends ApiKeyType {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <key>`. Shown once; store it now.' })
  key!: string;
}
