/** Only the ECharts parts the pages draw (tree-shaken): heat map, radar, progress lines, survey bars, their axes/tooltip/legend, canvas. */
import { BarChart, HeatmapChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([CanvasRenderer, BarChart, HeatmapChart, LineChart, RadarChart, GridComponent, TooltipComponent, VisualMapComponent, LegendComponent, RadarComponent]);
