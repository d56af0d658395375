import { flushPromises } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@/api/files', () => ({ postForDownload: vi.fn() }));
import * as files from '@/api/files';
import { mountWithApp } from '@/test/mount';
import { blankRouter } from '@/test/router';
import TableExport, { type ExportColumn } from './TableExport.vue';

interface Row {
  name: string;
  total: number | null;
}
// mountWithApp cannot infer the generic Row of the component: the columns are typed for any row
const columns = [
  { title: 'Unit kerja', value: (r: Row) => r.name },
  { title: 'Nilai', value: (r: Row) => r.total },
] as unknown as ExportColumn<unknown>[];

describe('TableExport', () => {
  beforeEach(() => vi.mocked(files.postForDownload).mockReset());

  it('sends the shown columns and every row to the export, as xlsx or CSV', async () => {
    vi.mocked(files.postForDownload).mockResolvedValue('unit.xlsx');
    const rows: Row[] = [
      { name: 'Kanim Polonia', total: 76.81 },
      { name: 'Lapas Binjai', total: null },
    ];
    const w = mountWithApp(TableExport, { pinia: createPinia(), router: blankRouter(), props: { title: 'Unit', fileName: 'unit', columns, rows } }).wrapper;
    await w.get('[data-test=export-xlsx]').trigger('click');
    await flushPromises();
    expect(files.postForDownload).toHaveBeenCalledWith(
      '/api/exports/table.xlsx',
      {
        title: 'Unit',
        fileName: 'unit',
        columns: ['Unit kerja', 'Nilai'],
        rows: [
          ['Kanim Polonia', 76.81],
          ['Lapas Binjai', null],
        ],
      },
      'unit.xlsx',
      expect.any(Function),
    );
    await w.get('[data-test=export-csv]').trigger('click');
    await flushPromises();
    expect(vi.mocked(files.postForDownload).mock.calls[1]![0]).toBe('/api/exports/table.csv');
  });

  it('fetches all rows of a paged table through `load` when exporting', async () => {
    vi.mocked(files.postForDownload).mockResolvedValue('audit.csv');
    const load = vi.fn(async () => [{ name: 'a', total: 1 }]);
    const w = mountWithApp(TableExport, { pinia: createPinia(), router: blankRouter(), props: { title: 'Audit', fileName: 'audit', columns, load } }).wrapper;
    await w.get('[data-test=export-csv]').trigger('click');
    await flushPromises();
    expect(load).toHaveBeenCalledOnce();
    expect(vi.mocked(files.postForDownload).mock.calls[0]![1]).toMatchObject({ rows: [['a', 1]] });
  });
});
