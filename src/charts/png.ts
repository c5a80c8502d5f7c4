// The one renderer: a chart.js config in, PNG bytes out, on @napi-rs/canvas.
import type { Canvas } from '@napi-rs/canvas';
import type { Chart as ChartClass, ChartConfiguration, Plugin } from 'chart.js';
import { FONT_FAMILY, registerChartFont } from './font.ts';
import { TEXT } from './palette.ts';
import { encodeRgbaPng } from './png-encode.ts';
import { valueLabels } from './plugins/value-labels.ts';
import type { ChartSpec } from './types.ts';

/** chart.js draws on a transparent canvas; a report needs white behind it. */
const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

interface Runtime {
  Chart: typeof ChartClass;
  createCanvas: (width: number, height: number) => Canvas;
}

let runtime: Promise<Runtime> | undefined;

/**
 * Loads chart.js, its plugins and the canvas binary on first use, so that
 * importing this module (and the CLI's other commands) does not pay for them.
 */
function load(): Promise<Runtime> {
  runtime ??= (async () => {
    const [canvas, chartjs, boxplot, matrix] = await Promise.all([
      import('@napi-rs/canvas'),
      import('chart.js'),
      import('@sgratzl/chartjs-chart-boxplot'),
      import('chartjs-chart-matrix'),
    ]);
    registerChartFont(canvas.GlobalFonts);
    const { Chart } = chartjs;
    Chart.register(...chartjs.registerables, boxplot.BoxPlotController, boxplot.BoxAndWiskers, matrix.MatrixController, matrix.MatrixElement);
    Chart.register(valueLabels, whiteBackground);
    Chart.defaults.font.family = FONT_FAMILY;
    Chart.defaults.color = TEXT;
    return { Chart, createCanvas: canvas.createCanvas };
  })();
  return runtime;
}

/**
 * Renders one chart spec to PNG at spec.width x spec.height (device pixel
 * ratio 1), animation and responsiveness off whatever the config says. The
 * drawing is synchronous; the PNG encoding runs on the libuv thread pool.
 */
export async function renderPng(spec: ChartSpec): Promise<Uint8Array> {
  const { Chart, createCanvas } = await load();
  const canvas = createCanvas(spec.width, spec.height);
  const config: ChartConfiguration = {
    ...spec.config,
    options: { ...spec.config.options, responsive: false, animation: false, devicePixelRatio: 1 },
  };
  // chart.js takes any object with getContext('2d'); @napi-rs/canvas's is that, typed apart from the DOM's.
  // The 'bar' type parameter only spares tsc the union of every chart type; the config's own type rules.
  const chart = new Chart<'bar'>(canvas as unknown as HTMLCanvasElement, config as ChartConfiguration<'bar'>);
  try {
    return await encodeRgbaPng(straightRgba(canvas), spec.width, spec.height);
  } finally {
    // destroy() clears the canvas, so only once the pixels are encoded.
    chart.destroy();
  }
}

/**
 * The canvas's pixels as straight RGBA. canvas.data() is premultiplied, which
 * equals straight because the white background makes every pixel opaque
 * (render.test.ts checks that no pixel is transparent).
 */
function straightRgba(canvas: Canvas): Uint8Array {
  const data = canvas.data();
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
