/** Only the ECharts parts the dashboard draws (tree-shaken): heat map, radar, progress lines, their axes/tooltip/legend, canvas. */
import { HeatmapChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([CanvasRenderer, HeatmapChart, LineChart, RadarChart, GridComponent, TooltipComponent, VisualMapComponent, LegendComponent, RadarComponent]);
