/**
 * Every migration, in order (listed explicitly so they run the same from dist and from vitest).
 * Create one with `npm run migration:create -w server -- --name short-name`, then add it here.
 */
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122102816_initial } from './Migration20261122102816_initial';
import { Migration20261122110000_evidence } from './Migration20261122110000_evidence';
import { Migration20261122111000_review_cycle } from './Migration20261122111000_review_cycle';
import { Migration20261122112000_instrument_versions } from './Migration20261122112000_instrument_versions';
import { Migration20261122112100_score_cache } from './Migration20261122112100_score_cache';
import { Migration20261202003000_return_reason } from './Migration20261202003000_return_reason';
import { Migration20261202010019_surveys } from './Migration20261202010019_surveys';
import { Migration20261202010217_notifications } from './Migration20261202010217_notifications';
import { Migration20261202011500_rate_limit } from './Migration20261202011500_rate_limit';
import { Migration20261202043559_survey_third_party } from './Migration20261202043559_survey_third_party';
import { Migration20261202045500_must_change_password } from './Migration20261202045500_must_change_password';
import { Migration20261202051000_organisation } from './Migration20261202051000_organisation';
import { Migration20261202054505_tpn_stages } from './Migration20261202054505_tpn_stages';
import { Migration20261202133459_portalrb_token_instansi } from './Migration20261202133459_portalrb_token_instansi';
import { Migration20261202133953_review_route } from './Migration20261202133953_review_route';
import { Migration20261202143000_score_history } from './Migration20261202143000_score_history';
import { Migration20261202145000_tpn_steps } from './Migration20261202145000_tpn_steps';

export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122102816_initial', class: Migration20261122102816_initial },
  { name: 'Migration20261122110000_evidence', class: Migration20261122110000_evidence },
  { name: 'Migration20261122111000_review_cycle', class: Migration20261122111000_review_cycle },
  { name: 'Migration20261122112000_instrument_versions', class: Migration20261122112000_instrument_versions },
  { name: 'Migration20261122112100_score_cache', class: Migration20261122112100_score_cache },
  { name: 'Migration20261202003000_return_reason', class: Migration20261202003000_return_reason },
  { name: 'Migration20261202010019_surveys', class: Migration20261202010019_surveys },
  { name: 'Migration20261202010217_notifications', class: Migration20261202010217_notifications },
  { name: 'Migration20261202011500_rate_limit', class: Migration20261202011500_rate_limit },
  { name: 'Migration20261202043559_survey_third_party', class: Migration20261202043559_survey_third_party },
  { name: 'Migration20261202045500_must_change_password', class: Migration20261202045500_must_change_password },
  { name: 'Migration20261202051000_organisation', class: Migration20261202051000_organisation },
  { name: 'Migration20261202054505_tpn_stages', class: Migration20261202054505_tpn_stages },
  { name: 'Migration20261202133459_portalrb_token_instansi', class: Migration20261202133459_portalrb_token_instansi },
  { name: 'Migration20261202133953_review_route', class: Migration20261202133953_review_route },
  { name: 'Migration20261202143000_score_history', class: Migration20261202143000_score_history },
  { name: 'Migration20261202145000_tpn_steps', class: Migration20261202145000_tpn_steps },
];
