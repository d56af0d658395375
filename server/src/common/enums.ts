/**
 * Enums shared by entities and the GraphQL schema (registered below), built from the shared vocabularies
 * (shared/src/vocabulary.ts) so the server's words are the domain's words: `AnswerLevel.TPI` is `'TPI'`.
 */
import {
  enumOf,
  LEVELS,
  RETURNERS,
  ROLES,
  SUBMISSION_STATUSES,
  SURVEY_KINDS,
  SURVEY_SOURCES,
  TARGETS,
  type Level,
  type ReturnedBy as SharedReturnedBy,
  type Role as SharedRole,
  type SubmissionStatus as SharedStatus,
  type SurveyKind,
  type SurveySource as SharedSurveySource,
  type Target,
} from '@pantau/shared';
import { registerEnumType } from 'type-graphql';

type EnumOf<T extends string> = { readonly [K in T]: K };

export const Role = enumOf(ROLES) satisfies EnumOf<SharedRole>;
export type Role = SharedRole;

export const SubmissionStatus = enumOf(SUBMISSION_STATUSES) satisfies EnumOf<SharedStatus>;
export type SubmissionStatus = SharedStatus;

export const TargetPredicate = enumOf(TARGETS) satisfies EnumOf<Target>;
export type TargetPredicate = Target;

/** Whose view of an answer: the unit (SELF), the Kanwil, the TPI (Itjen desk evaluation), the TPN. */
export const AnswerLevel = enumOf(LEVELS) satisfies EnumOf<Level>;
export type AnswerLevel = Level;

/** Who returned a submission for revision. */
export const ReturnedBy = enumOf(RETURNERS) satisfies EnumOf<SharedReturnedBy>;
export type ReturnedBy = SharedReturnedBy;

export const SurveyKindEnum = enumOf(SURVEY_KINDS) satisfies EnumOf<SurveyKind>;
export type SurveyKindEnum = SurveyKind;

export const SurveySource = enumOf(SURVEY_SOURCES) satisfies EnumOf<SharedSurveySource>;
export type SurveySource = SharedSurveySource;

registerEnumType(Role, { name: 'Role' });
registerEnumType(SubmissionStatus, { name: 'SubmissionStatus' });
registerEnumType(TargetPredicate, { name: 'TargetPredicate', description: 'Predikat: WBK (Wilayah Bebas dari Korupsi) atau WBBM' });
registerEnumType(AnswerLevel, { name: 'AnswerLevel' });
registerEnumType(ReturnedBy, { name: 'ReturnedBy' });
registerEnumType(SurveyKindEnum, { name: 'SurveyKind' });
registerEnumType(SurveySource, { name: 'SurveySource' });
