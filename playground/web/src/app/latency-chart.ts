import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { LatencyPoint } from './connection';

const WIDTH = 560;
const HEIGHT = 180;
const PAD = { left: 36, right: 8, top: 10, bottom: 18 };
/** The chart shows this many ms, up to the last ping. */
const WINDOW_MS = 60_000;
/** Two pings further apart than this are not joined: the link was down between them. */
const GAP_MS = 3000;

interface Plotted {
  readonly seq: number;
  readonly x: number;
  readonly y: number;
  readonly ms: number;
}

/** The ping latency over the last minute, as an inline SVG: a line per stretch without gaps, a dot per ping. */
@Component({
  selector: 'pg-latency-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg [attr.viewBox]="'0 0 ' + width + ' ' + height" role="img" aria-label="ping latency over the last minute">
      <line class="axis" [attr.x1]="pad.left" [attr.x2]="width - pad.right" [attr.y1]="bottom" [attr.y2]="bottom" />
      <line class="grid" [attr.x1]="pad.left" [attr.x2]="width - pad.right" [attr.y1]="pad.top" [attr.y2]="pad.top" />
      <text class="label" x="2" [attr.y]="pad.top + 4">{{ scale() }} ms</text>
      <text class="label" x="2" [attr.y]="bottom">0</text>
      <text class="label" [attr.x]="pad.left" [attr.y]="height - 3">-60 s</text>
      <text class="label end" [attr.x]="width - pad.right" [attr.y]="height - 3">last ping</text>
      @for (line of lines(); track $index) {
        <polyline class="line" [attr.points]="line" />
      }
      @for (point of plotted(); track point.seq) {
        <circle data-testid="latency-point" [attr.data-seq]="point.seq" class="point" [attr.cx]="point.x" [attr.cy]="point.y" r="2.5">
          <title>{{ point.ms }} ms</title>
        </circle>
      }
    </svg>
    <p class="summary" data-testid="latency-summary">{{ summary() }}</p>
  `,
  styles: `
    svg {
      width: 100%;
      height: auto;
      display: block;
    }
    .axis {
      stroke: var(--muted);
    }
    .grid {
      stroke: var(--line);
      stroke-dasharray: 3 3;
    }
    .label {
      fill: var(--muted);
      font-size: 10px;
    }
    .end {
      text-anchor: end;
    }
    .line {
      fill: none;
      stroke: var(--accent);
      stroke-width: 1.5;
    }
    .point {
      fill: var(--accent);
    }
    .summary {
      margin: 0.25rem 0 0;
      color: var(--muted);
      font-size: 0.85rem;
    }
  `,
})
export class LatencyChart {
  readonly points = input.required<readonly LatencyPoint[]>();

  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly pad = PAD;
  protected readonly bottom = HEIGHT - PAD.bottom;

  private readonly recent = computed(() => {
    const points = this.points();
    const last = points.at(-1)?.at ?? 0;
    return points.filter((point) => point.at > last - WINDOW_MS);
  });

  /** The top of the y axis: the highest latency, rounded up to 5 ms (at least 10 ms). */
  protected readonly scale = computed(() => Math.max(10, Math.ceil(Math.max(0, ...this.recent().map((point) => point.ms)) / 5) * 5));

  protected readonly plotted = computed((): Plotted[] => {
    const points = this.recent();
    const last = points.at(-1)?.at ?? 0;
    const plotWidth = WIDTH - PAD.left - PAD.right;
    const plotHeight = this.bottom - PAD.top;
    return points.map((point) => ({
      seq: point.seq,
      x: round(PAD.left + plotWidth * (1 - (last - point.at) / WINDOW_MS)),
      y: round(this.bottom - (plotHeight * point.ms) / this.scale()),
      ms: point.ms,
    }));
  });

  protected readonly lines = computed(() => {
    const points = this.recent();
    const plotted = this.plotted();
    const lines: string[][] = [];
    plotted.forEach((point, i) => {
      const gap = i === 0 || points[i]!.at - points[i - 1]!.at > GAP_MS;
      if (gap) lines.push([]);
      lines.at(-1)!.push(`${point.x},${point.y}`);
    });
    return lines.map((line) => line.join(' '));
  });

  protected readonly summary = computed(() => {
    const values = this.recent().map((point) => point.ms);
    if (values.length === 0) return 'waiting for the first ping…';
    const average = values.reduce((sum, ms) => sum + ms, 0) / values.length;
    return `last ${values.at(-1)} ms · min ${Math.min(...values)} · avg ${average.toFixed(1)} · max ${Math.max(...values)} · ${values.length} pings`;
  });
}

const round = (value: number): number => Math.round(value * 10) / 10;
