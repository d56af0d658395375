import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@/api/session', () => ({ fetchMe: vi.fn(async () => null), login: vi.fn(), logout: vi.fn() }));
vi.mock('@/api/workflow', () => ({ fetchActions: vi.fn(), transition: vi.fn() }));
import * as wf from '@/api/workflow';
import { mountWithApp } from '@/test/mount';
import WorkflowActions from './WorkflowActions.vue';

const q = (sel: string) => document.body.querySelector(sel) as HTMLElement | null;
const action = (a: string, needsInput: string[]) => ({
  action: a,
  label: a,
  labelEn: a,
  enabled: true,
  reasons: [],
  needsInput,
  to: 'OUTCOME',
  deadline: null,
});

describe('WorkflowActions', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    vi.mocked(wf.transition)
      .mockReset()
      .mockResolvedValue({
        action: 'recordTpmOutcome',
        from: 'DESK_EVALUATED',
        to: 'AWARDED',
        submission: { id: 3, status: 'AWARDED', version: 5, round: 1, returnedBy: null },
      } as never);
  });

  it('asks for the decree wherever the server says the action needs one (the TPM’s WBK-mandiri as well as the TPN outcome)', async () => {
    vi.mocked(wf.fetchActions).mockResolvedValue([action('recordTpmOutcome', ['decree', 'differenceReason'])] as never);
    const { wrapper } = mountWithApp(WorkflowActions, { props: { submissionId: 3, version: 4 } });
    await flushPromises();
    await wrapper.get('[data-test=action-recordTpmOutcome]').trigger('click');
    await flushPromises();
    const number = q('[data-test=action-decree-number] input') as HTMLInputElement;
    expect(number).not.toBeNull();
    expect(q('[data-test=action-decree-date]')).not.toBeNull();
    number.value = 'KEP-TPM-1/2026';
    number.dispatchEvent(new Event('input'));
    await flushPromises();
    q('[data-test=action-confirm]')!.click();
    await flushPromises();
    expect(wf.transition).toHaveBeenCalledWith(3, 'recordTpmOutcome', expect.objectContaining({ awarded: true, decreeNumber: 'KEP-TPM-1/2026' }), 4);
  });

  it('shows no decree fields for an action without one', async () => {
    vi.mocked(wf.fetchActions).mockResolvedValue([action('forward', [])] as never);
    const { wrapper } = mountWithApp(WorkflowActions, { props: { submissionId: 3, version: 4 } });
    await flushPromises();
    await wrapper.get('[data-test=action-forward]').trigger('click');
    await flushPromises();
    expect(q('[data-test=action-dialog]')).not.toBeNull();
    expect(q('[data-test=action-decree-number]')).toBeNull();
  });
});
