// A lead crossing a stage threshold, and its connection. Resolvers return
// ThresholdEventRecord; cursor, lead and model are filled by field resolvers.

import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';
import { PageInfoType } from './connection.type';
import { LeadType } from './lead.type';
import { CrossingDirectionEnum } from './scoring.enums';
import { ScoringModelType } from './scoringModel.type';

@ObjectType('ThresholdEvent', { description: "A change of a lead's stage under a model." })
export class ThresholdEventType {
  @Field(() => ID)
  id!: string;

  // Filled by a @FieldResolver in the ThresholdEvent resolver (encodes id).
  @Field(() => String, { description: 'Opaque, ordered; pass it as `after` to resume without loss.' })
  cursor!: string;

  // Filled by a @FieldResolver in the ThresholdEvent resolver (records hold leadId).
  @Field(() => LeadType)
  lead!: LeadType;

  // Filled by a @FieldResolver in the ThresholdEvent resolver (records hold modelId).
  @Field(() => ScoringModelType)
  model!: ScoringModelType;

  @Field(() => Int, { description: 'The model version whose score moved the lead.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Null when the lead was in no stage.' })
  fromStage!: string | null;

  @Field(() => String, { nullable: true, description: 'Null when the lead is now in no stage.' })
  toStage!: string | null;

  @Field(() => CrossingDirectionEnum)
  direction!: 'UP' | 'DOWN';

  @Field(() => Float, { nullable: true, description: 'Null when the lead had no score before.' })
  totalBefore!: number | null;

  @Field(() => Float)
  totalAfter!: number;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;
}

@ObjectType('ThresholdEventEdge')
export class ThresholdEventEdgeType {
  @Field(() => ThresholdEventType)
  node!: ThresholdEventType;

  @Field(() => String)
  cursor!: string;
}

@ObjectType('ThresholdEventConnection')
export class ThresholdEventConnectionType {
  @Field(() => [ThresholdEventEdgeType])
  edges!: ThresholdEventEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}
