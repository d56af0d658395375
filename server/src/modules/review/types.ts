import { Field, Int, ObjectType } from 'type-graphql';
import { AnswerLevel } from '../../common/enums';
import { UserRefGql } from '../user/types';
import type { User } from '../user/entities';
import { RecommendedPredicate, type DeskEvaluation, type ReviewNote } from './entities';
import type { NoteThread } from './service';

@ObjectType('ReviewNote', { description: 'A review note on one item (a thread root) or a reply' })
export class ReviewNoteGql {
  @Field(() => Int)
  id!: number;
  @Field(() => Int)
  submissionId!: number;
  @Field(() => Int)
  soalId!: number;
  @Field(() => AnswerLevel)
  level!: AnswerLevel;
  @Field(() => Int)
  round!: number;
  @Field(() => UserRefGql)
  author!: UserRefGql;
  @Field()
  body!: string;
  @Field(() => Date)
  createdAt!: Date;
  @Field()
  resolved!: boolean;
  @Field(() => UserRefGql, { nullable: true })
  resolvedBy!: UserRefGql | null;
  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;
  @Field(() => Int, { nullable: true })
  parentId!: number | null;
  @Field(() => [ReviewNoteGql], { description: 'Replies, oldest first (empty for a reply)' })
  replies!: ReviewNoteGql[];
}

@ObjectType('ReturnedItem', { description: 'An item the unit must revise: open reviewer notes on it' })
export class ReturnedItemGql {
  @Field(() => Int)
  soalId!: number;
  @Field()
  code!: string;
  @Field(() => AnswerLevel)
  level!: AnswerLevel;
  @Field(() => Int)
  openNotes!: number;
  @Field()
  lastNote!: string;
}

@ObjectType('DeskEvaluation')
export class DeskEvaluationGql {
  @Field(() => Int)
  id!: number;
  @Field(() => Int)
  round!: number;
  @Field()
  recommendation!: string;
  @Field(() => RecommendedPredicate)
  recommendedPredicate!: RecommendedPredicate;
  @Field(() => Int, { nullable: true })
  lheEvidenceId!: number | null;
  @Field(() => UserRefGql)
  finalisedBy!: UserRefGql;
  @Field(() => Date)
  finalisedAt!: Date;
}

export const userRef = (u: User | null | undefined): UserRefGql | null =>
  u && u.username ? { id: u.id, username: u.username, displayName: u.displayName } : u ? { id: u.id, username: '', displayName: '' } : null;

export function noteView(n: ReviewNote, replies: ReviewNote[] = []): ReviewNoteGql {
  return {
    id: n.id,
    submissionId: n.submission.id,
    soalId: n.soalId,
    level: n.level,
    round: n.round,
    author: userRef(n.author)!,
    body: n.body,
    createdAt: n.createdAt,
    resolved: n.resolved,
    resolvedBy: userRef(n.resolvedBy),
    resolvedAt: n.resolvedAt ?? null,
    parentId: n.parent?.id ?? null,
    replies: replies.map((r) => noteView(r)),
  };
}

export const threadView = (t: NoteThread) => noteView(t.note, t.replies);

export function deskView(d: DeskEvaluation): DeskEvaluationGql {
  return {
    id: d.id,
    round: d.round,
    recommendation: d.recommendation,
    recommendedPredicate: d.recommendedPredicate,
    lheEvidenceId: d.lheEvidenceId ?? null,
    finalisedBy: userRef(d.finalisedBy)!,
    finalisedAt: d.finalisedAt,
  };
}
