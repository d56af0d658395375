/**
 * The SPA's GraphQL types are the shared vocabularies (shared/src/vocabulary.ts): this file does not compile when
 * the generated unions (from server/schema.graphql) and the shared ones drift apart.
 */
import type * as Shared from '@pantau/shared';
import type * as Gql from './generated';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const VOCABULARY_IN_STEP = {
  role: true,
  level: true,
  status: true,
  target: true,
  predicate: true,
  returnedBy: true,
  surveyKind: true,
  surveySource: true,
  stage: true,
  action: true,
  answerType: true,
  part: true,
  recommendation: true,
  surveyRoundState: true,
} as const satisfies {
  role: Same<Gql.Role, Shared.Role>;
  level: Same<Gql.AnswerLevel, Shared.Level>;
  status: Same<Gql.SubmissionStatus, Shared.SubmissionStatus>;
  target: Same<Gql.TargetPredicate, Shared.Target>;
  predicate: Same<Gql.Predicate, Shared.Predicate>;
  returnedBy: Same<Gql.ReturnedBy, Shared.ReturnedBy>;
  surveyKind: Same<Gql.SurveyKind, Shared.SurveyKind>;
  surveySource: Same<Gql.SurveySource, Shared.SurveySource>;
  stage: Same<Gql.WorkflowStage, Shared.Stage>;
  action: Same<Gql.WorkflowAction, Shared.WorkflowAction>;
  answerType: Same<Gql.AnswerType, Shared.AnswerType>;
  part: Same<Gql.InstrumentPart, Shared.Part>;
  recommendation: Same<Gql.RecommendedPredicate, Shared.Recommendation>;
  surveyRoundState: Same<Gql.SurveyRoundState, Shared.SurveyRoundState>;
};
