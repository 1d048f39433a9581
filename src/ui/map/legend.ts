import { POWERS, type PowerId } from '../../engine/types';
import { DANGER, POWER_COLOURS } from '../palette';
import { ASHORE_STYLE, CABLE_STYLES, HALO, INK, MARCH_SPEED, SLOT_DEG, SLOT_START_DEG, RING, WHITE } from './style';

/**
 * The map's key, in the DOM so that it is text a screen reader reads and a projector shows large:
 * line styles by status, colours by power, and the signs round each capital. It uses the same
 * style constants as the map, so the two always agree.
 */

export interface LegendOptions {
  /** Names of the powers in this scenario (defaults: Beijing, Canberra, Washington). */
  powers?: Partial<Record<PowerId, string>>;
  /** The scenario's vendors, to name each badge letter. */
  vendors?: { name: string; origin: PowerId | 'other' }[];
  /** The heading's level (2 unless told); the section headings are one level below. */
  headingLevel?: 2 | 3 | 4;
}

const STYLE_ID = 'landing-rights-legend-style';
const CSS = `
.lr-legend { background: #0b1c2a; color: #f3f6f8; font-size: 16px; line-height: 1.35; padding: 0.75rem 1rem; border-radius: 8px; max-width: 26rem; }
.lr-legend h2, .lr-legend h3, .lr-legend h4, .lr-legend h5 { margin: 0.5rem 0 0.35rem; font-size: 1rem; font-weight: 700; }
.lr-legend > :first-child { margin-top: 0; font-size: 1.125rem; }
.lr-legend ul { list-style: none; margin: 0 0 0.4rem; padding: 0; }
.lr-legend li { display: flex; align-items: center; gap: 0.6rem; margin: 0.3rem 0; }
.lr-legend svg { flex: none; width: 64px; height: 32px; }
.lr-legend .lr-march { animation: lr-legend-march ${(20 / MARCH_SPEED).toFixed(2)}s linear infinite; }
@keyframes lr-legend-march { to { stroke-dashoffset: -20; } }
@media (prefers-reduced-motion: reduce) { .lr-legend .lr-march { animation: none; } }
`;

let legendCount = 0;
const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(inner: string): SVGSVGElement {
  const s = document.createElementNS(SVG_NS, 'svg');
  s.setAttribute('viewBox', '0 0 48 24');
  s.setAttribute('aria-hidden', 'true');
  s.setAttribute('focusable', 'false');
  // Built from our own constants only: no text from outside goes in here.
  s.innerHTML = inner;
  return s;
}

const line = (status: keyof typeof CABLE_STYLES, colour: string, extra = '') => {
  const st = CABLE_STYLES[status];
  const dash = st.dash ? ` stroke-dasharray="${st.dash[0]} ${st.dash[1]}"` : '';
  const cls = status === 'building' ? ' class="lr-march"' : '';
  return (
    `<line x1="2" y1="12" x2="46" y2="12" stroke="${HALO}" stroke-width="${st.width + 2 * st.casing}"${dash}${cls}/>` +
    `<line x1="2" y1="12" x2="46" y2="12" stroke="${colour}" stroke-width="${st.width}"${dash}${cls}/>` +
    extra
  );
};

const cross = (x: number) =>
  `<path d="M${x - 5} 7 L${x + 5} 17 M${x - 5} 17 L${x + 5} 7" stroke="${HALO}" stroke-width="6"/><path d="M${x - 5} 7 L${x + 5} 17 M${x - 5} 17 L${x + 5} 7" stroke="${DANGER}" stroke-width="3"/>`;
const cutLine = () =>
  [
    [2, 9],
    [21, 27],
    [39, 46],
  ]
    .map(([a, b]) => `<line x1="${a}" y1="12" x2="${b}" y2="12" stroke="${HALO}" stroke-width="6.5"/><line x1="${a}" y1="12" x2="${b}" y2="12" stroke="${DANGER}" stroke-width="3.5"/>`)
    .join('') +
  cross(15) +
  cross(33);

const arcPath = (cx: number, cy: number, r: number, a0: number, a1: number) => {
  const p = (a: number) => `${(cx + r * Math.cos((a * Math.PI) / 180)).toFixed(2)} ${(cy + r * Math.sin((a * Math.PI) / 180)).toFixed(2)}`;
  return `M ${p(a0)} A ${r} ${r} 0 ${a1 - a0 > 180 ? 1 : 0} 1 ${p(a1)}`;
};

/** A capital with its ring, each power's slot part-filled. */
const ringSample = () => {
  const shares: Record<PowerId, number> = { beijing: 0.35, canberra: 0.8, washington: 0.5 };
  let out = `<circle cx="24" cy="12" r="5" fill="${WHITE}" stroke="${INK}" stroke-width="1.5"/><circle cx="24" cy="12" r="2" fill="${INK}"/>`;
  const gap = RING.slotGapDeg / 2;
  for (const p of POWERS) {
    const a0 = SLOT_START_DEG[p] + gap;
    const a1 = SLOT_START_DEG[p] + SLOT_DEG - gap;
    out += `<path d="${arcPath(24, 12, 9, a0, a1)}" fill="none" stroke="${HALO}" stroke-width="4.5"/>`;
    out += `<path d="${arcPath(24, 12, 9, a0, a0 + (a1 - a0) * shares[p])}" fill="none" stroke="${POWER_COLOURS[p]}" stroke-width="3"/>`;
  }
  return out;
};

const barsSample = () =>
  [0, 1, 2, 3]
    .map((i) => {
      const h = 5 + 3 * i;
      return `<rect x="${15 + i * 5.5}" y="${19 - h}" width="4" height="${h}" fill="${WHITE}" fill-opacity="${i < 3 ? 1 : 0.25}" stroke="${HALO}" stroke-width="1"/>`;
    })
    .join('');

const shieldPath = (cx: number, cy: number, r: number) =>
  `M ${cx - r} ${cy - r * 0.95} H ${cx + r} V ${cy + r * 0.1} L ${cx} ${cy + r * 1.1} L ${cx - r} ${cy + r * 0.1} Z`;

const shield = (cx: number, glyph: string, colour: string) =>
  `<path d="${shieldPath(cx, 12, 8.5)}" fill="${HALO}"/><path d="${shieldPath(cx, 12, 7)}" fill="${colour}"/>${glyph}`;

const star = (cx: number) => {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 4 : 1.7;
    const a = ((-90 + i * 36) * Math.PI) / 180;
    pts.push(`${(cx + Math.cos(a) * r).toFixed(2)},${(11.5 + Math.sin(a) * r).toFixed(2)}`);
  }
  return `<polygon points="${pts.join(' ')}" fill="${INK}"/>`;
};
const lock = (cx: number) => `<rect x="${cx - 3}" y="11" width="6" height="4.4" fill="${INK}"/><path d="M ${cx - 2} 11 A 2 2 0 0 1 ${cx + 2} 11" fill="none" stroke="${INK}" stroke-width="1.4"/>`;
const anchor = (cx: number) =>
  `<g fill="none" stroke="${INK}" stroke-width="1.4"><path d="M ${cx} 7.5 V 15.5 M ${cx - 2.2} 9.8 H ${cx + 2.2}"/><path d="M ${cx - 3.4} 13.4 A 3.5 3.5 0 0 0 ${cx + 3.4} 13.4"/></g>`;

const flag = (cx: number) => `<path d="M ${cx - 2.2} 7 V 16.5" stroke="${INK}" stroke-width="1.4"/><path d="M ${cx - 2.2} 7 L ${cx + 3.6} 8.8 L ${cx - 2.2} 11 Z" fill="${INK}"/>`;

const banknote = (colour: string) =>
  `<rect x="13.5" y="5.5" width="21" height="13" fill="${HALO}"/><rect x="15" y="7" width="18" height="10" fill="${colour}"/><rect x="16.8" y="8.8" width="14.4" height="6.4" fill="none" stroke="${INK}" stroke-width="1.2"/><circle cx="24" cy="12" r="2.4" fill="none" stroke="${INK}" stroke-width="1.2"/>`;

const mast = (colour: string) =>
  `<rect x="15.5" y="3.5" width="17" height="17" rx="3" fill="${HALO}"/><rect x="17" y="5" width="14" height="14" rx="2.5" fill="${colour}"/><g fill="none" stroke="${INK}" stroke-width="1.4"><path d="M24 10 L21 16.5 M24 10 L27 16.5"/><path d="M20.8 8.4 A 3.6 3.6 0 0 1 27.2 8.4"/></g>`;

const ripple = () =>
  `<circle cx="24" cy="12" r="4" fill="${WHITE}" stroke="${INK}"/><circle cx="24" cy="12" r="7.5" fill="none" stroke="${DANGER}" stroke-width="2"/><circle cx="24" cy="12" r="11" fill="none" stroke="${DANGER}" stroke-width="1.3" stroke-opacity="0.6"/>`;

function item(list: HTMLElement, sample: SVGSVGElement, text: string): void {
  const li = document.createElement('li');
  const span = document.createElement('span');
  span.textContent = text;
  li.append(sample, span);
  list.append(li);
}

function heading(level: number, text: string): HTMLElement {
  const h = document.createElement(`h${Math.min(6, level)}`);
  h.textContent = text;
  return h;
}

/** Fill `container` with the map's key (replacing what is in it) and return the key's root element. */
export function renderLegend(container: HTMLElement, options: LegendOptions = {}): HTMLElement {
  if (!document.getElementById(STYLE_ID)) {
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = CSS;
    document.head.append(style);
  }
  const level = options.headingLevel ?? 2;
  const names: Record<PowerId, string> = { beijing: 'Beijing', canberra: 'Canberra', washington: 'Washington', ...options.powers };
  const root = document.createElement('section');
  root.className = 'lr-legend';
  const title = heading(level, 'Map key');
  title.id = `lr-legend-title-${++legendCount}`;
  root.setAttribute('aria-labelledby', title.id);
  root.append(title);

  const neutral = '#f3f6f8';
  root.append(heading(level + 1, 'Cables'));
  const cables = document.createElement('ul');
  item(cables, svg(line('proposed', neutral)), 'Short dashes: proposed, an offer on the table');
  item(cables, svg(line('building', neutral)), 'Moving dashes: being built');
  item(cables, svg(line('active', neutral)), 'Solid line: in service');
  item(cables, svg(cutLine()), 'Red, broken by crosses: cut, until a repair ship mends it');
  item(
    cables,
    svg(`<line x1="2" y1="12" x2="46" y2="12" stroke="${HALO}" stroke-width="${ASHORE_STYLE.width + 2 * ASHORE_STYLE.casing}" stroke-dasharray="${ASHORE_STYLE.dash?.join(' ') ?? ''}"/><line x1="2" y1="12" x2="46" y2="12" stroke="${neutral}" stroke-width="${ASHORE_STYLE.width}" stroke-dasharray="${ASHORE_STYLE.dash?.join(' ') ?? ''}"/>`),
    'Thin dots: overland from where a cable comes ashore to a landing inland',
  );
  item(
    cables,
    svg(`${line('active', POWER_COLOURS.canberra)}<circle cx="24" cy="12" r="9.5" fill="${HALO}"/><circle cx="24" cy="12" r="8" fill="${POWER_COLOURS.other}"/><text x="24" y="16.2" text-anchor="middle" font-size="11.5" font-weight="700" font-family="system-ui, sans-serif" fill="${INK}">A</text>`),
    'Badge on a cable: the first letter of the vendor that builds it, in the colour of its home power',
  );
  root.append(cables);
  if (options.vendors && options.vendors.length > 0) {
    const vendors = document.createElement('ul');
    for (const v of options.vendors) {
      const letter = (/[A-Za-z0-9]/.exec(v.name)?.[0] ?? '?').toUpperCase();
      const s = svg(
        `<circle cx="24" cy="12" r="9.5" fill="${HALO}"/><circle cx="24" cy="12" r="8" fill="${POWER_COLOURS[v.origin]}"/><text x="24" y="16.2" text-anchor="middle" font-size="11.5" font-weight="700" font-family="system-ui, sans-serif" fill="${INK}"></text>`,
      );
      const t = s.querySelector('text');
      if (t) t.textContent = letter;
      item(vendors, s, `${v.name} (${v.origin === 'other' ? 'no power' : names[v.origin]})`);
    }
    root.append(vendors);
  }

  root.append(heading(level + 1, 'Powers'));
  const intro = document.createElement('p');
  intro.style.margin = '0 0 0.3rem';
  intro.textContent = "A cable's colour is the power that pays for it; the same colour marks that power's influence, pacts and aid.";
  root.append(intro);
  const powers = document.createElement('ul');
  for (const p of POWERS) item(powers, svg(line('active', POWER_COLOURS[p])), names[p]);
  item(powers, svg(line('active', POWER_COLOURS.other)), 'Others: consortia, island governments, vendors of no power');
  root.append(powers);

  root.append(heading(level + 1, 'Islands'));
  const islands = document.createElement('ul');
  item(islands, svg(ringSample()), `Ring round a capital: how far the island leans to each power (fuller arc, closer ties): ${names.beijing} upper right, ${names.canberra} below, ${names.washington} upper left`);
  item(islands, svg(barsSample()), 'Signal bars beside its name: how well connected it is, one bar for each 25 of 100');
  item(islands, svg(shield(10, star(10), POWER_COLOURS.canberra) + shield(24, lock(24), POWER_COLOURS.washington)), 'Shield: a pact with the power of its colour, for policing (star) or cyber security (padlock)');
  item(islands, svg(shield(10, anchor(10), POWER_COLOURS.washington) + shield(24, flag(24), POWER_COLOURS.beijing)), "Shield with an anchor: the power's ships may call (port or naval pact); with a flag: a base");
  item(islands, svg(mast(POWER_COLOURS.beijing)), 'Mast: a telecom project the power pays for');
  item(islands, svg(banknote(POWER_COLOURS.washington)), 'Banknote: aid from the power of its colour');
  item(islands, svg(ripple()), 'Rings spreading out: something happened there this round (red: an eruption)');
  root.append(islands);

  container.replaceChildren(root);
  return root;
}
