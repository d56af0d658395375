/**
 * Every MikroORM entity of the server, in ONE list (no folder discovery: works from dist and from vitest).
 * To add a module's entities: import them here and append them to ENTITIES, then make a migration
 * (`npm run migration:create -w server`).
 */
import { Answer } from '../modules/answer/entities';
import { AuditEvent } from '../modules/audit/entities';
import { Evidence, EvidenceRevision } from '../modules/evidence/entities';
import { InstrumentVersion } from '../modules/instrument/entities';
import { EselonUnit, Instansi, Kanwil, PredicateHistory, Satker } from '../modules/org/entities';
import { DeadlineExtension, Period } from '../modules/period/entities';
import { EvaluatorAssignment, Submission } from '../modules/submission/entities';
import { SurveyResult } from '../modules/survey/entities';
import { RoleAssignment, Session, User } from '../modules/user/entities';
import { Nomination } from '../modules/nomination/entities';
import { TpnCycle, TpnStage, TpnStep } from '../modules/tpn/entities';
import { PortalRbToken } from '../modules/portalrb/entities';
import { DeskEvaluation, ReviewNote } from '../modules/review/entities';
import { ScoreSnapshot, SubmissionScoreCache } from '../modules/comparison/entities';
import { SurveyLink, SurveyRateWindow, SurveyResponse, SurveyRound, SurveyTicket } from '../modules/survey/entities';
import { Notification, NotificationPreference } from '../modules/notification/entities';
import { RateLimitCounter } from '../modules/ratelimit/entities';
import { ReviewRouteConfig } from '../modules/route/entities';

export const ENTITIES = [
  Instansi,
  EselonUnit,
  Kanwil,
  Satker,
  PredicateHistory,
  InstrumentVersion,
  Period,
  Submission,
  EvaluatorAssignment,
  SurveyResult,
  Answer,
  User,
  RoleAssignment,
  Session,
  AuditEvent,
  Evidence,
  EvidenceRevision,
  // review cycle (workflow, review, nomination, portalrb modules)
  DeadlineExtension,
  ReviewNote,
  DeskEvaluation,
  Nomination,
  TpnCycle,
  TpnStage,
  TpnStep,
  ReviewRouteConfig,
  PortalRbToken,
  // derived: Kanwil comparison score cache
  SubmissionScoreCache,
  ScoreSnapshot,
  // the unit's own SPKP/SPAK survey rounds
  SurveyRound,
  SurveyLink,
  SurveyTicket,
  SurveyResponse,
  SurveyRateWindow,
  // notifications (in-app + e-mail outbox) and each user's choices
  Notification,
  NotificationPreference,
  // rate limits shared by all server processes (login, password change, PortalRB)
  RateLimitCounter,
];
