import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AnswerLevel, SubmissionStatus } from '../../common/enums';

/** What an inbox entry asks its reader to do (Beranda). */
export enum InboxKind {
  /** Coordinator: an item of a returned LKE with open reviewer notes (catatan perbaikan). */
  RETURNED_ITEM = 'RETURNED_ITEM',
  /** Coordinator: answered items of an editable LKE without data dukung. */
  MISSING_EVIDENCE = 'MISSING_EVIDENCE',
  /** Coordinator: the self-assessment (or resubmission) deadline of an editable LKE. */
  DEADLINE = 'DEADLINE',
  /** Kanwil head: a submitted LKE waiting for the Kanwil's penilaian pendahuluan. */
  PRE_ASSESS = 'PRE_ASSESS',
  /** Kanwil head: a unit still drafting with its self-assessment deadline within 7 days or passed. */
  BEHIND_SCHEDULE = 'BEHIND_SCHEDULE',
  /** Kanwil head: a unit whose current score is below a minimum of its target. */
  BELOW_MINIMUM = 'BELOW_MINIMUM',
  /** Kanwil head: a desk-evaluated unit to nominate (or not), or a nomination waiting for the TPN outcome. */
  NOMINATION_DECISION = 'NOMINATION_DECISION',
  /** Evaluator (TPI, or the instansi's TPM on a TPM route): a submission to start or finish the desk evaluation of. */
  DESK_EVALUATION = 'DESK_EVALUATION',
  /** Eselon I reviewer: a submission waiting in the Eselon I step of its route (penilaian Eselon I). */
  ESELON_REVIEW = 'ESELON_REVIEW',
}
registerEnumType(InboxKind, { name: 'InboxKind' });

@ObjectType('InboxEntry', { description: 'One thing waiting for the user, with the SPA path where they act on it' })
export class InboxEntryGql {
  @Field(() => InboxKind)
  kind!: InboxKind;
  @Field({ description: 'Role the entry belongs to (COORDINATOR, KANWIL_HEAD, EVALUATOR, ESELON_REVIEWER, TPM_EVALUATOR)' })
  role!: string;
  @Field(() => Int)
  submissionId!: number;
  @Field(() => Int)
  satkerId!: number;
  @Field()
  satkerName!: string;
  @Field(() => SubmissionStatus)
  status!: SubmissionStatus;
  @Field(() => Int, { nullable: true, description: 'The LKE item (RETURNED_ITEM)' })
  soalId!: number | null;
  @Field(() => String, { nullable: true, description: 'Item code (RETURNED_ITEM)' })
  itemCode!: string | null;
  @Field(() => AnswerLevel, { nullable: true, description: 'Reviewer level of the notes (RETURNED_ITEM)' })
  level!: AnswerLevel | null;
  @Field(() => Int, { description: 'Open notes / items without evidence / failures, depending on the kind' })
  count!: number;
  @Field(() => Date, { nullable: true, description: 'Deadline in force for the step (extensions included)' })
  dueAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Detail (last note, first threshold failure, next step)' })
  detail!: string | null;
  @Field({ description: 'SPA path where the user acts, e.g. /submissions/3/lke?item=12' })
  path!: string;
}
