/** Enums shared by entities and the GraphQL schema (registered in schema.ts). */

export enum Role {
  ADMIN = 'ADMIN',
  KANWIL_HEAD = 'KANWIL_HEAD',
  COORDINATOR = 'COORDINATOR',
  EVALUATOR = 'EVALUATOR',
  VIEWER = 'VIEWER',
}

export enum SubmissionStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  KANWIL_REVIEWED = 'KANWIL_REVIEWED',
  IN_DESK_REVIEW = 'IN_DESK_REVIEW',
  REVISION_REQUESTED = 'REVISION_REQUESTED',
  DESK_EVALUATED = 'DESK_EVALUATED',
  NOMINATED = 'NOMINATED',
  AWARDED = 'AWARDED',
  NOT_AWARDED = 'NOT_AWARDED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum TargetPredicate {
  WBK = 'WBK',
  WBBM = 'WBBM',
}

/** Whose view of an answer: the unit (SELF), the Kanwil, the TPI (Itjen desk evaluation), the TPN. */
export enum AnswerLevel {
  SELF = 'SELF',
  KANWIL = 'KANWIL',
  TPI = 'TPI',
  TPN = 'TPN',
}

/** Who returned a submission for revision. */
export enum ReturnedBy {
  KANWIL = 'KANWIL',
  TPI = 'TPI',
}

export enum SurveyKindEnum {
  IPAK = 'IPAK',
  IPKP = 'IPKP',
}

/** Official sources (BPS, or TPN's own survey / a third party it appoints) need ≥ 30 respondents; INTERNAL = the unit's own round. */
export enum SurveySource {
  BPS = 'BPS',
  TPN = 'TPN',
  INTERNAL = 'INTERNAL',
}

import { registerEnumType } from 'type-graphql';

registerEnumType(Role, { name: 'Role' });
registerEnumType(SubmissionStatus, { name: 'SubmissionStatus' });
registerEnumType(TargetPredicate, { name: 'TargetPredicate', description: 'Predikat: WBK (Wilayah Bebas dari Korupsi) atau WBBM' });
registerEnumType(AnswerLevel, { name: 'AnswerLevel' });
registerEnumType(ReturnedBy, { name: 'ReturnedBy' });
registerEnumType(SurveyKindEnum, { name: 'SurveyKind' });
registerEnumType(SurveySource, { name: 'SurveySource' });
