import type { Point } from './geometry';
import { HOME, panBy, zoomAbout, type Frame, type View } from './viewport';

/** What the input controller needs from the scene. Points are canvas pixels. */
export interface InputHost {
  view(): View;
  frame(): Frame;
  /** Show this view now (the scene draws it sharp again once input rests). */
  setView(v: View): void;
  /** The island whose capital or land is at this point, if any. */
  islandAt(p: Point, precise: boolean): string | null;
  click(island: string): void;
  /** The cable drawn at this point, if any (a click away from every island). */
  cableAt?(p: Point): string | null;
  clickCable?(id: string): void;
}

/** How far a press may move and still count as a click, in CSS pixels. */
const CLICK_SLOP = 6;
const KEY_ZOOM = 1.5;
const KEY_PAN = 0.15;

const FOCUS_STYLE_ID = 'landing-rights-map-focus';
const FOCUS_CSS = `
canvas[data-map-canvas] { touch-action: none; outline: none; }
canvas[data-map-canvas]:focus-visible { outline: 3px solid #ffffff; outline-offset: -3px; box-shadow: inset 0 0 0 6px #0b1c2a; }
`;

/**
 * Pan and zoom by mouse (drag, wheel, double-click), touch (drag, pinch) and keyboard (arrow keys,
 * + and −, 0 for the whole region), and clicks on islands. Plain DOM events on the canvas, so
 * the browser's own focus and pointer capture work as usual.
 */
export class MapInput {
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private press: { id: number; x: number; y: number; time: number; moved: boolean } | null = null;
  private pinch: { d0: number; mid0: Point; view0: View } | null = null;
  private last: Point | null = null;
  private readonly off: (() => void)[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly host: InputHost,
  ) {
    if (!document.getElementById(FOCUS_STYLE_ID)) {
      const style = document.createElement('style');
      style.id = FOCUS_STYLE_ID;
      style.textContent = FOCUS_CSS;
      document.head.append(style);
    }
    canvas.dataset.mapCanvas = '';
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-roledescription', 'map');
    canvas.setAttribute('aria-label', 'Map of the region. Arrow keys move the map, plus and minus zoom, 0 shows the whole region.');
    this.on('pointerdown', (e) => this.down(e as PointerEvent));
    this.on('pointermove', (e) => this.move(e as PointerEvent));
    this.on('pointerup', (e) => this.up(e as PointerEvent, true));
    this.on('pointercancel', (e) => this.up(e as PointerEvent, false));
    this.on('wheel', (e) => this.wheel(e as WheelEvent), { passive: false });
    this.on('dblclick', (e) => this.zoomAt(this.toCanvas(e as MouseEvent), 2));
    this.on('keydown', (e) => this.key(e as KeyboardEvent));
  }

  destroy(): void {
    this.off.forEach((f) => f());
    this.off.length = 0;
  }

  private on(type: string, fn: (e: Event) => void, options?: AddEventListenerOptions): void {
    this.canvas.addEventListener(type, fn, options);
    this.off.push(() => this.canvas.removeEventListener(type, fn, options));
  }

  /** Canvas pixels per CSS pixel. */
  private get ratio(): number {
    const w = this.canvas.getBoundingClientRect().width;
    return w > 0 ? this.canvas.width / w : 1;
  }

  private toCanvas(e: { clientX: number; clientY: number }): Point {
    const r = this.canvas.getBoundingClientRect();
    const sx = r.width > 0 ? this.canvas.width / r.width : 1;
    const sy = r.height > 0 ? this.canvas.height / r.height : 1;
    return { x: (e.clientX - r.left) * sx, y: (e.clientY - r.top) * sy };
  }

  private down(e: PointerEvent): void {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    try {
      // Keep the drag when the pointer leaves the canvas (a synthetic event has nothing to capture).
      this.canvas.setPointerCapture?.(e.pointerId);
    } catch {
      /* no active pointer by that id */
    }
    const p = this.toCanvas(e);
    this.pointers.set(e.pointerId, p);
    if (this.pointers.size === 1) {
      this.press = { id: e.pointerId, x: p.x, y: p.y, time: e.timeStamp, moved: false };
      this.last = p;
    } else if (this.pointers.size === 2) {
      this.press = null;
      const [a, b] = [...this.pointers.values()] as [Point, Point];
      this.pinch = { d0: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)), mid0: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, view0: this.host.view() };
    }
  }

  private move(e: PointerEvent): void {
    const p = this.toCanvas(e);
    if (!this.pointers.has(e.pointerId)) {
      if (e.pointerType === 'mouse') this.canvas.style.cursor = this.host.islandAt(p, false) || this.host.cableAt?.(p) ? 'pointer' : this.host.view().k > 1.001 ? 'grab' : '';
      return;
    }
    this.pointers.set(e.pointerId, p);
    if (this.pinch && this.pointers.size >= 2) {
      const [a, b] = [...this.pointers.values()] as [Point, Point];
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const f = this.host.frame();
      const zoomed = zoomAbout(this.pinch.view0, d / this.pinch.d0, this.pinch.mid0, f);
      this.host.setView(panBy(zoomed, mid.x - this.pinch.mid0.x, mid.y - this.pinch.mid0.y, f));
      return;
    }
    if (!this.press || e.pointerId !== this.press.id || !this.last) return;
    if (!this.press.moved && Math.hypot(p.x - this.press.x, p.y - this.press.y) > CLICK_SLOP * this.ratio) this.press.moved = true;
    if (this.press.moved) {
      this.canvas.style.cursor = 'grabbing';
      this.host.setView(panBy(this.host.view(), p.x - this.last.x, p.y - this.last.y, this.host.frame()));
    }
    this.last = p;
  }

  private up(e: PointerEvent, completed: boolean): void {
    if (!this.pointers.has(e.pointerId)) return;
    this.pointers.delete(e.pointerId);
    const press = this.press;
    if (press && press.id === e.pointerId) {
      this.press = null;
      this.canvas.style.cursor = '';
      if (completed && !press.moved) {
        const at = this.toCanvas(e);
        const island = this.host.islandAt(at, true);
        if (island) this.host.click(island);
        else {
          const cable = this.host.cableAt?.(at);
          if (cable) this.host.clickCable?.(cable);
        }
      }
    }
    if (this.pointers.size < 2) this.pinch = null;
    if (this.pointers.size === 1) {
      // The other finger stays down: it pans from here, but it is no longer a click.
      const [id, p] = [...this.pointers.entries()][0] as [number, Point];
      this.press = { id, x: p.x, y: p.y, time: e.timeStamp, moved: true };
      this.last = p;
    }
  }

  private wheel(e: WheelEvent): void {
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 40 : e.deltaMode === 2 ? 800 : 1;
    // A trackpad pinch arrives as a wheel with ctrlKey and small deltas: make it as quick as a wheel notch.
    const rate = e.ctrlKey ? 0.01 : 0.0022;
    const factor = Math.exp(-e.deltaY * unit * rate);
    this.zoomAt(this.toCanvas(e), Math.min(2, Math.max(0.5, factor)));
  }

  private zoomAt(p: Point, factor: number): void {
    this.host.setView(zoomAbout(this.host.view(), factor, p, this.host.frame()));
  }

  private key(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const f = this.host.frame();
    const v = this.host.view();
    const centre = { x: f.width / 2, y: f.height / 2 };
    const step = Math.min(f.width, f.height) * KEY_PAN * (e.shiftKey ? 2.5 : 1);
    let next: View | null = null;
    switch (e.key) {
      case 'ArrowLeft':
        next = panBy(v, step, 0, f);
        break;
      case 'ArrowRight':
        next = panBy(v, -step, 0, f);
        break;
      case 'ArrowUp':
        next = panBy(v, 0, step, f);
        break;
      case 'ArrowDown':
        next = panBy(v, 0, -step, f);
        break;
      case '+':
      case '=':
        next = zoomAbout(v, KEY_ZOOM, centre, f);
        break;
      case '-':
      case '_':
        next = zoomAbout(v, 1 / KEY_ZOOM, centre, f);
        break;
      case '0':
      case 'Home':
        next = HOME;
        break;
      default:
        return;
    }
    e.preventDefault();
    this.host.setView(next);
  }
}
