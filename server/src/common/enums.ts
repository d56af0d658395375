/**
 * Enums shared by entities and the GraphQL schema (registered below), built from the shared vocabularies
 * (shared/src/vocabulary.ts) so the server's words are the domain's words: `AnswerLevel.TPI` is `'TPI'`.
 */
import {
  enumOf,
  HASIL_STATES,
  LEVELS,
  RETURNERS,
  ROLES,
  SUBMISSION_STATUSES,
  SURVEY_KINDS,
  SURVEY_SOURCES,
  TARGETS,
  type HasilState,
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

/** Whether a unit's Hasil is measured (official survey), estimated (own round or entry) or missing (shared hasilState). */
export const HasilStateEnum = enumOf(HASIL_STATES) satisfies EnumOf<HasilState>;
export type HasilStateEnum = HasilState;

registerEnumType(Role, { name: 'Role' });
registerEnumType(SubmissionStatus, { name: 'SubmissionStatus' });
registerEnumType(TargetPredicate, { name: 'TargetPredicate', description: 'Predikat: WBK (Wilayah Bebas dari Korupsi) atau WBBM' });
registerEnumType(AnswerLevel, { name: 'AnswerLevel' });
registerEnumType(ReturnedBy, { name: 'ReturnedBy' });
registerEnumType(SurveyKindEnum, { name: 'SurveyKind' });
registerEnumType(SurveySource, { name: 'SurveySource' });
registerEnumType(HasilStateEnum, {
  name: 'HasilState',
  description: 'MEASURED: an official result (BPS/TPN/third party) in force; ESTIMATED: the unit’s own survey or entry; MISSING: none',
});
