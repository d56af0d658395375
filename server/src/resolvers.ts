/**
 * Every GraphQL resolver class, in ONE list (append a module's resolvers here).
 */
import type { NonEmptyArray } from 'type-graphql';
import { AuditResolver } from './modules/audit/resolver';
import { ComparisonResolver } from './modules/comparison/resolver';
import { EvidenceResolver, SubmissionEvidenceResolver } from './modules/evidence/resolver';
import { InstrumentResolver } from './modules/instrument/resolver';
import { InstrumentSourceResolver } from './modules/instrument/source';
import { OrgResolver } from './modules/org/resolver';
import { OrgAdminResolver } from './modules/org/admin-resolver';
import { TpnResolver } from './modules/tpn/resolver';
import { ReviewRouteResolver, SubmissionRouteResolver } from './modules/route/resolver';
import { PeriodResolver } from './modules/period/resolver';
import { SaveAnswersPayloadResolver, SubmissionResolver } from './modules/submission/resolver';
import { UserResolver } from './modules/user/resolver';
import { NominationResolver } from './modules/nomination/resolver';
import { PortalRbResolver } from './modules/portalrb/resolver';
import { InboxResolver } from './modules/inbox/resolver';
import { NotificationResolver } from './modules/notification/resolver';
import { ProgressResolver } from './modules/progress/resolver';
import { ResultsResolver } from './modules/results/resolver';
import { ReviewResolver, SubmissionReviewResolver } from './modules/review/resolver';
import { SubmissionWorkflowResolver, WorkflowResolver } from './modules/workflow/resolver';
import { SatkerSurveyResolver, SurveyResolver } from './modules/survey/resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  UserResolver,
  OrgResolver,
  OrgAdminResolver,
  TpnResolver,
  ReviewRouteResolver,
  SubmissionRouteResolver,
  PeriodResolver,
  InstrumentResolver,
  SubmissionResolver,
  SaveAnswersPayloadResolver,
  ComparisonResolver,
  AuditResolver,
  EvidenceResolver,
  SubmissionEvidenceResolver,
  // review cycle
  WorkflowResolver,
  SubmissionWorkflowResolver,
  ReviewResolver,
  SubmissionReviewResolver,
  NominationResolver,
  ResultsResolver,
  PortalRbResolver,
  InstrumentSourceResolver,
  SurveyResolver,
  SatkerSurveyResolver,
  ProgressResolver,
  InboxResolver,
  NotificationResolver,
  // workflow, …: append here
];
