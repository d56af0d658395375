import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';

vi.mock('@/api/session', () => ({ fetchMe: vi.fn(async () => null), login: vi.fn(), logout: vi.fn() }));
vi.mock('@/api/workflow', () => ({ transition: vi.fn() }));
import * as wf from '@/api/workflow';
import { mountWithApp } from '@/test/mount';
import TpnOutcomeCard from './TpnOutcomeCard.vue';

// what the server's Submission.tpnEligibility returns (the card shows it and re-derives nothing)
const ELIGIBLE = { eligible: true, failures: [] };
const SHORT = { eligible: false, failures: [{ requirement: 'total', message: 'Total score 60.00 below the minimum of 75.00' }] };
const q = (sel: string) => document.body.querySelector(sel) as HTMLElement;
const type = async (sel: string, v: string) => {
  const el = q(`${sel} input, ${sel} textarea`) as HTMLInputElement;
  el.value = v;
  el.dispatchEvent(new Event('input'));
  await flushPromises();
};

describe('TpnOutcomeCard', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    vi.mocked(wf.transition)
      .mockReset()
      .mockResolvedValue({
        action: 'recordTpnOutcome',
        from: 'NOMINATED',
        to: 'AWARDED',
        submission: { id: 3, status: 'AWARDED', version: 5, round: 1, returnedBy: null },
      });
  });

  it('shows the computed TPN result and records an outcome that agrees with it without a reason', async () => {
    const { wrapper } = mountWithApp(TpnOutcomeCard, { props: { submissionId: 3, version: 4, target: 'WBK', total: 95, eligibility: ELIGIBLE } });
    expect(wrapper.get('[data-test=tpn-computed]').text()).toContain('memenuhi syarat WBK');
    await wrapper.get('[data-test=tpn-record]').trigger('click');
    await flushPromises();
    (q('[data-test=tpn-awarded-yes] input') as HTMLInputElement).click();
    await type('[data-test=tpn-decree-number]', 'SK-7/2026');
    expect((q('[data-test=tpn-confirm]') as HTMLButtonElement).disabled).toBe(true); // no decree date yet
    expect(q('[data-test=tpn-differs]')).toBeNull();
  });

  it('asks for a reason when the decision differs from the computed result, and shows server errors', async () => {
    vi.mocked(wf.transition).mockRejectedValue(new ApiError('DEADLINE_PASSED', 'Tenggat lewat'));
    const { wrapper } = mountWithApp(TpnOutcomeCard, { props: { submissionId: 3, version: 4, target: 'WBK', total: 60, eligibility: SHORT }, lang: 'en' });
    expect(wrapper.get('[data-test=tpn-computed]').text()).toContain('does not meet the WBK requirements');
    expect(wrapper.text()).toContain('Total score 60');
    expect(wrapper.get('[data-test=tpn-outcome]').text()).toContain('below the minimum of 75.00');
    await wrapper.get('[data-test=tpn-record]').trigger('click');
    await flushPromises();
    (q('[data-test=tpn-awarded-yes] input') as HTMLInputElement).click();
    await flushPromises();
    expect(q('[data-test=tpn-differs]').textContent).toContain('a reason is required');
    (q('[data-test=tpn-awarded-no] input') as HTMLInputElement).click();
    await flushPromises();
    expect(q('[data-test=tpn-differs]')).toBeNull();
  });
});
