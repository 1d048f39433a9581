import { geoPath, type GeoProjection } from 'd3-geo';
import type { MultiPolygon } from 'geojson';
import landUrl from '../../../assets/map/land.json?url';
import type { GameView } from '../../engine';
import { landOf } from '../land';
import { makeProjection, project } from '../projection';
import { routeLine } from '../map/geometry';
import { mapModel, type MapModel } from '../map/model';
import { SeaRouter } from '../map/searoute';
import { CABLE_STYLES, sideColour } from '../map/style';
import { DANGER, NEUTRAL_LAND, POWER_COLOURS } from '../palette';
import type { Extent } from '../projection';

/**
 * The map at one moment of a recorded game, as a still SVG: land, cables (coloured by whose money,
 * dashed while proposed or being built, red once cut), each island's capital with its pacts, aid
 * and projects. It draws whatever view it is given, so a role's view shows only what that role saw.
 * A still picture, not the Phaser map: many of them can be on a page, and they print.
 */

const W = 720;
const H = 540;
const NS = 'http://www.w3.org/2000/svg';

let land: MultiPolygon | null = null;
let router: SeaRouter | null = null;
let landLoading: Promise<MultiPolygon | null> | null = null;

function loadLand(): Promise<MultiPolygon | null> {
  landLoading ??= fetch(landUrl)
    .then((r) => (r.ok ? r.json() : null))
    .then((doc: unknown) => {
      land = doc ? landOf(doc) : null;
      router = land ? new SeaRouter(land) : null;
      return land;
    })
    .catch(() => null);
  return landLoading;
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function drawLand(g: SVGGElement, projection: GeoProjection, shape: MultiPolygon): void {
  g.replaceChildren(el('path', { d: geoPath(projection)(shape) ?? '', fill: NEUTRAL_LAND, stroke: '#8c7f63', 'stroke-width': 0.6 }));
}

const MARK = { pact: '◆', aid: '●', telecom: '▲' } as const;

export function snapshotMap(view: GameView, extent: Extent, label: string, id = 'debrief-map'): SVGSVGElement {
  const projection = makeProjection(extent, W, H, 24);
  const model = mapModel(view);
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'snapshot-map', id, role: 'img', 'aria-label': label, 'data-round': view.round, 'data-viewer': view.viewer });
  svg.append(el('rect', { x: 0, y: 0, width: W, height: H, fill: '#dfeaf2' }));
  const landLayer = el('g', { class: 'snap-land' });
  svg.append(landLayer);
  if (land) drawLand(landLayer, projection, land);

  const cables = el('g', { class: 'snap-cables' });
  drawCables(cables, projection, model);
  svg.append(cables);

  const islands = el('g', { class: 'snap-islands' });
  for (const i of model.islands) {
    const p = project(projection, i.capital.lon, i.capital.lat);
    if (!Number.isFinite(p.x)) continue;
    const g = el('g', { 'data-island': i.id });
    g.append(el('circle', { cx: p.x, cy: p.y, r: 5, fill: '#fbfaf5', stroke: '#0f2231', 'stroke-width': 2 }));
    // Labels lean away from the middle of the map, so neighbours' names do not run into each other.
    const west = p.x < W / 2;
    g.append(el('text', { x: west ? p.x - 8 : p.x + 8, y: p.y + 4, 'text-anchor': west ? 'end' : 'start', 'font-size': 13, 'font-weight': 600, fill: '#0f2231', stroke: '#fbfaf5', 'stroke-width': 3, 'paint-order': 'stroke' }, i.name));
    i.markers.forEach((m, n) => {
      const t = el('text', { x: west ? p.x - 8 - (i.markers.length - 1 - n) * 13 : p.x + 8 + n * 13, y: p.y + 20, 'text-anchor': west ? 'end' : 'start', 'font-size': 13, fill: POWER_COLOURS[m.power], stroke: '#0f2231', 'stroke-width': 0.8, 'data-marker': m.kind }, MARK[m.kind]);
      t.append(el('title', {}, `${m.kind === 'pact' ? `${m.pact ?? ''} pact` : m.kind === 'aid' ? 'aid' : 'telecom project'} (${m.power})`));
      g.append(t);
    });
    islands.append(g);
  }
  svg.append(islands);
  // Until the land is loaded, cables run on great circles; then by sea, as on the game's map.
  if (!land)
    void loadLand().then((shape) => {
      if (!shape || !svg.isConnected) return;
      drawLand(landLayer, projection, shape);
      drawCables(cables, projection, model);
      svg.dataset.land = 'drawn';
    });
  else svg.dataset.land = 'drawn';
  return svg;
}

function drawCables(cables: SVGGElement, projection: GeoProjection, model: MapModel): void {
  cables.replaceChildren();
  for (const c of model.cables) {
    const line = router
      ? c.stops.slice(1).flatMap((b, i) => {
          const leg = routeLine(projection, router!.route(router!.landfall(c.stops[i]!), router!.landfall(b)));
          return i === 0 ? leg : leg.slice(1);
        })
      : routeLine(projection, c.stops);
    if (line.length < 2) continue;
    const style = CABLE_STYLES[c.status];
    const colour = c.status === 'cut' ? DANGER : sideColour(c.financier);
    const path = el('polyline', {
      points: line.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '),
      fill: 'none',
      stroke: colour,
      'stroke-width': style.width,
      'data-cable': c.id,
      'data-status': c.status,
      ...(style.dash ? { 'stroke-dasharray': style.dash.join(' ') } : {}),
    });
    path.append(el('title', {}, `${c.name} (${c.status}; ${c.vendorName})`));
    cables.append(el('polyline', { points: path.getAttribute('points') ?? '', fill: 'none', stroke: '#0f2231', 'stroke-width': style.width + 2, opacity: 0.35 }), path);
  }
}

/** The key under the map: whose money each colour is, and the marks. */
export const SNAPSHOT_KEY = `Cables: orange Beijing, green Canberra, blue Washington, purple others; dashed while proposed or being built, vermillion once cut. ${MARK.pact} pact, ${MARK.telecom} telecom project, ${MARK.aid} aid, in the colour of the power.`;
