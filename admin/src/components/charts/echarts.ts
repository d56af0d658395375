/**
 * Only the ECharts parts the pages draw (tree-shaken): progress lines and survey bars, their axes/tooltip/legend,
 * canvas. The dashboard's heat map and radar are HTML/SVG (no chart library on its first load).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([CanvasRenderer, BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent]);
