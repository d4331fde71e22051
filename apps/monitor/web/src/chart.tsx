import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJs,
  ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { useShared } from './data';
import { word } from './i18n';

ChartJs.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

/** A Chart.js chart that follows its configuration as the data changes. */
export function Chart({ config, label }: { config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartJs>();
  const chartType = useRef<string>();
  useEffect(() => {
    if (!canvas.current) return;
    if (chart.current && chartType.current === config.type) {
      chart.current.data = config.data;
      chart.current.update('none');
    } else {
      chart.current?.destroy();
      chartType.current = config.type;
      chart.current = new ChartJs(canvas.current, {
        ...config,
        options: { animation: false, maintainAspectRatio: false, ...config.options },
      });
    }
  }, [config]);
  useEffect(() => () => chart.current?.destroy(), []);
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

export const PALETTE = [
  '#b71c1c',
  '#1565c0',
  '#2e7d32',
  '#ef6c00',
  '#6a1b9a',
  '#00838f',
  '#5d4037',
];

/** The backlog at the end of each of the last days, as a line. */
export function BacklogTrend({
  history,
  color,
}: {
  history: { day: string; open: number }[] | undefined;
  color: string;
}) {
  const { language } = useShared();
  const title = word(language, 'backlogOverTime');
  return (
    <div class="panel">
      <h2>{title}</h2>
      <Chart
        label={title}
        config={{
          type: 'line',
          data: {
            labels: (history ?? []).map((row) => row.day.slice(5)),
            datasets: [
              {
                label: word(language, 'openRequests'),
                data: (history ?? []).map((row) => row.open),
                borderColor: color,
                backgroundColor: color,
              },
            ],
          },
          options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
        }}
      />
    </div>
  );
}
