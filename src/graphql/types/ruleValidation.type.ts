// Checking and previewing rule source: diagnostics, the rules read, and what
// publishing would change. Resolvers return the check result and
// RulePreviewRecord; LeadScoreDiff.lead is filled by a field resolver.

import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LeadType } from './lead.type';
import { RuleType, StageCountType } from './scoringModel.type';

@ObjectType('Diagnostic', { description: 'A problem in rule source, and where it is.' })
export class DiagnosticType {
  @Field(() => String, { description: 'Stable, e.g. DSL_UNKNOWN_ATTRIBUTE: clients may switch on it.' })
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => Int, { description: '1-based line of the first character.' })
  line!: number;

  @Field(() => Int, { description: '1-based column of the first character.' })
  column!: number;

  @Field(() => Int, { description: '1-based line just after the last character.' })
  endLine!: number;

  @Field(() => Int, { description: '1-based column just after the last character.' })
  endColumn!: number;

  @Field(() => String, { description: "'error' blocks publishing; 'warning' is legal but probably not what was meant." })
  severity!: string;
}

@ObjectType('RuleValidation')
export class RuleValidationType {
  @Field(() => Boolean, { description: 'True when no diagnostic is an error (warnings allowed).' })
  valid!: boolean;

  @Field(() => [DiagnosticType])
  diagnostics!: DiagnosticType[];

  @Field(() => [RuleType], { description: 'The rules read from the source.' })
  rules!: RuleType[];
}

@ObjectType('LeadScoreDiff', { description: "One lead's score now and under the previewed source." })
export class LeadScoreDiffType {
  // Filled by a @FieldResolver in the LeadScoreDiff resolver (records hold leadId).
  @Field(() => LeadType)
  lead!: LeadType;

  @Field(() => Float, { nullable: true, description: 'Null when the lead has no current score under the model.' })
  totalBefore!: number | null;

  @Field(() => Float)
  totalAfter!: number;

  @Field(() => String, { nullable: true })
  stageBefore!: string | null;

  @Field(() => String, { nullable: true })
  stageAfter!: string | null;
}

@ObjectType('RulePreview', { description: 'What publishing a source would change, computed over all leads, nothing stored.' })
export class RulePreviewType {
  @Field(() => Boolean, { description: 'False when the source has an error; the other fields are then empty.' })
  valid!: boolean;

  @Field(() => [DiagnosticType])
  diagnostics!: DiagnosticType[];

  @Field(() => Int)
  leadCount!: number;

  @Field(() => Int, { description: 'Leads whose total or stage would change.' })
  changedCount!: number;

  @Field(() => Float, { nullable: true })
  averageTotalBefore!: number | null;

  @Field(() => Float, { nullable: true })
  averageTotalAfter!: number | null;

  @Field(() => [StageCountType])
  stagesBefore!: StageCountType[];

  @Field(() => [StageCountType])
  stagesAfter!: StageCountType[];

  @Field(() => [LeadScoreDiffType], { description: 'Up to sampleSize leads, the largest change in total first.' })
  sample!: LeadScoreDiffType[];
}
