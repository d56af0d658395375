import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { MaxLength } from 'class-validator';
import { TargetPredicate } from '../../common/enums';
import { UserRefGql } from '../user/types';
import { NominationStatus } from './entities';

registerEnumType(NominationStatus, { name: 'NominationStatus' });

@InputType('NominationChecklistInput', { description: 'Nomination prerequisites (DOMAIN §4): values and evidence ids' })
export class NominationChecklistInput {
  @Field(() => Float, { nullable: true, description: 'TLHP follow-up in % (needs 100)' })
  tlhpPercent?: number | null;
  @Field(() => Int, { nullable: true, description: 'Evidence (purpose PREREQUISITE) of the TLHP follow-up' })
  tlhpEvidenceId?: number | null;
  @Field(() => Float, { nullable: true, description: 'LHKPN/LHKASN compliance in %; default pre-filled from [113]–[120] of the TPI answers' })
  lhkpnPercent?: number | null;
  @Field(() => Int, { nullable: true })
  lhkpnEvidenceId?: number | null;
  @Field(() => Int, { nullable: true, description: 'Evidence of the pencanangan (signed Pakta Integritas)' })
  pencananganEvidenceId?: number | null;
  @Field(() => String, { nullable: true, description: 'Internal SAKIP result AA, A, BB, B, CC, C or D' })
  @MaxLength(2)
  sakipGrade?: string | null;
  @Field(() => Int, { nullable: true })
  sakipEvidenceId?: number | null;
  @Field(() => Int, { nullable: true, description: 'The SPTJM evidence (purpose SPTJM); default: the latest uploaded' })
  sptjmEvidenceId?: number | null;
}

@ObjectType('ChecklistItem')
export class ChecklistItemGql {
  @Field()
  key!: string;
  @Field()
  label!: string;
  @Field(() => GraphQLJSON, { nullable: true })
  value!: unknown;
  @Field()
  required!: string;
  @Field()
  met!: boolean;
  @Field(() => String, { nullable: true })
  message!: string | null;
  @Field(() => [Int])
  evidenceIds!: number[];
  @Field(() => [String])
  evidenceUrls!: string[];
}

@ObjectType('NominationAssessment', { description: 'Eligibility on TPI scores + the prerequisite checklist, as a nomination now would store them' })
export class NominationAssessmentGql {
  @Field(() => TargetPredicate)
  target!: TargetPredicate;
  @Field()
  nominationDate!: string;
  @Field()
  eligible!: boolean;
  @Field(() => [String], { description: 'Threshold failures (can be overridden with a reason)' })
  thresholdFailures!: string[];
  @Field()
  hasWbk!: boolean;
  @Field(() => String, { nullable: true })
  revocationBanUntil!: string | null;
  @Field(() => [ChecklistItemGql])
  checklist!: ChecklistItemGql[];
  @Field(() => [String])
  prerequisitesMissing!: string[];
  @Field(() => [String], { description: 'What cannot be overridden (WBBM needs WBK, revocation ban)' })
  blockers!: string[];
  @Field(() => GraphQLJSON)
  eligibility!: unknown;
}

@ObjectType('Nomination')
export class NominationGql {
  @Field(() => Int)
  id!: number;
  @Field(() => Int)
  submissionId!: number;
  @Field(() => TargetPredicate)
  target!: TargetPredicate;
  @Field()
  afirmasi!: boolean;
  @Field(() => NominationStatus)
  status!: NominationStatus;
  @Field(() => GraphQLJSON, { description: 'Eligibility snapshot at nomination time' })
  eligibility!: unknown;
  @Field(() => [ChecklistItemGql], { description: 'Checklist snapshot at nomination time' })
  checklist!: ChecklistItemGql[];
  @Field(() => String, { nullable: true })
  overrideReason!: string | null;
  @Field(() => UserRefGql)
  nominatedBy!: UserRefGql;
  @Field(() => Date)
  nominatedAt!: Date;
  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;
  @Field(() => String, { nullable: true })
  withdrawnReason!: string | null;
  @Field(() => TargetPredicate, { nullable: true })
  predicate!: TargetPredicate | null;
  @Field(() => String, { nullable: true })
  decreeNumber!: string | null;
  @Field(() => String, { nullable: true })
  decreeDate!: string | null;
  @Field(() => String, { nullable: true })
  outcomeReason!: string | null;
  @Field(() => GraphQLJSON, { nullable: true })
  tpnEligibility!: unknown;
  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}
