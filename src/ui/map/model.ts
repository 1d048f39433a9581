import { POWERS, type CableStatus, type GameEvent, type IslandId, type PactType, type PowerId } from '../../engine/types';
import type { GameView } from '../../engine/view';
import type { LonLat } from './geometry';

/**
 * What the map draws of a game, read from one viewer's view: pure, no Phaser, no rules. The scene
 * turns a view into this model, compares it with the last one, and animates the difference.
 */

/** A power, or "other" for consortia, island governments and vendors of no power. */
export type Side = PowerId | 'other';

export interface CableModel {
  id: string;
  name: string;
  /** Landing ids, in the order the cable runs. */
  route: string[];
  stops: LonLat[];
  /** An open offer the viewer can see is drawn as a proposed cable. */
  status: CableStatus;
  /** Whose money: the line's colour. */
  financier: Side;
  /** Where the vendor is from: the badge's colour. */
  vendorOrigin: Side;
  vendorName: string;
  /** One letter for the vendor badge. */
  vendorMark: string;
}

export interface MarkerModel {
  /** A security pact (a shield), aid (a coin), or a telecom project a power pays for (a mast). */
  kind: 'pact' | 'aid' | 'telecom';
  power: PowerId;
  /** For a pact, its kind: policing, cyber, port, naval or base. */
  pact: PactType | null;
}

const MARKER_ORDER: Record<MarkerModel['kind'], number> = { pact: 0, telecom: 1, aid: 2 };

export interface IslandModel {
  id: IslandId;
  name: string;
  capital: LonLat & { name: string };
  alignment: Record<PowerId, number>;
  connectivity: number;
  markers: MarkerModel[];
}

export interface MapModel {
  round: number;
  cables: CableModel[];
  islands: IslandModel[];
  events: GameEvent[];
}

const sideOf = (id: string | null | undefined): Side => ((POWERS as readonly string[]).includes(id ?? '') ? (id as PowerId) : 'other');

/** The vendor's mark: the first letter of its name (Huawei Marine "H", SubCom "S"). */
export function vendorMark(name: string): string {
  const m = /[A-Za-z0-9]/.exec(name);
  return (m?.[0] ?? '?').toUpperCase();
}

export function mapModel(view: GameView): MapModel {
  const stopsOf = (route: string[]) =>
    route.flatMap((id) => {
      const l = view.landings[id];
      return l ? [{ lon: l.lon, lat: l.lat }] : [];
    });
  const vendorOf = (id: string) => view.vendors[id];
  const cables: CableModel[] = view.cables.map((c) => {
    const v = vendorOf(c.vendor);
    return {
      id: c.id,
      name: c.name,
      route: [...c.route],
      stops: stopsOf(c.route),
      status: c.status,
      financier: sideOf(c.financier),
      vendorOrigin: v?.origin ?? 'other',
      vendorName: v?.name ?? c.vendor,
      vendorMark: vendorMark(v?.name ?? c.vendor),
    };
  });
  // Cable offers still on the table that this viewer can see: proposed cables.
  for (const o of view.offers) {
    if (o.deal.kind !== 'cable' || (o.status !== 'open' && o.status !== 'accepted')) continue;
    const v = vendorOf(o.deal.vendor);
    cables.push({
      id: `offer:${o.id}`,
      name: `Proposed cable (${v?.name ?? o.deal.vendor})`,
      route: [...o.deal.route],
      stops: stopsOf(o.deal.route),
      status: 'proposed',
      financier: sideOf(o.deal.financing.by),
      vendorOrigin: v?.origin ?? 'other',
      vendorName: v?.name ?? o.deal.vendor,
      vendorMark: vendorMark(v?.name ?? o.deal.vendor),
    });
  }
  const markers = new Map<IslandId, MarkerModel[]>();
  const addMarker = (island: IslandId, m: MarkerModel) => {
    const list = markers.get(island) ?? [];
    if (!list.some((x) => x.kind === m.kind && x.power === m.power && x.pact === m.pact)) list.push(m);
    markers.set(island, list);
  };
  for (const a of view.agreements) {
    if (a.status !== 'active') continue;
    const d = a.deal;
    // Cables show as cables; diplomatic acts show in the panels, not as markers.
    if (d.kind === 'pact') addMarker(d.island, { kind: 'pact', power: d.power, pact: d.pact });
    else if (d.kind === 'aid') addMarker(d.island, { kind: 'aid', power: d.financing.by, pact: null });
    else if (d.kind === 'telecom') addMarker(d.island, { kind: 'telecom', power: d.financing.by, pact: null });
  }
  const islands: IslandModel[] = Object.values(view.islands)
    .map((i) => ({
      id: i.id,
      name: i.name,
      capital: { name: i.capital.name, lon: i.capital.lon, lat: i.capital.lat },
      alignment: { ...i.alignment },
      connectivity: i.connectivity,
      // Pacts, then projects, then aid, each in the powers' order, so that markers keep their places round to round.
      markers: (markers.get(i.id) ?? []).sort((a, b) => MARKER_ORDER[a.kind] - MARKER_ORDER[b.kind] || POWERS.indexOf(a.power) - POWERS.indexOf(b.power)),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { round: view.round, cables, islands, events: [...view.events] };
}

/** What changed from one model to the next: what the map animates. */
export interface MapChanges {
  /** Events that were not in the last view, in order. */
  events: GameEvent[];
  /** Cables that appeared under construction or in service (a new cable draws itself). */
  appeared: string[];
  /** Cables that went from under construction (or cut) into service. */
  lit: string[];
  /** Cables cut since the last view. */
  cut: string[];
  /** For each island whose alignment moved, where it was. */
  alignmentFrom: Record<IslandId, Record<PowerId, number>>;
}

export function diffModels(prev: MapModel | null, next: MapModel): MapChanges {
  const none: MapChanges = { events: [], appeared: [], lit: [], cut: [], alignmentFrom: {} };
  if (!prev) return none;
  const seen = new Set(prev.events.map((e) => e.id));
  const before = new Map(prev.cables.map((c) => [c.id, c]));
  const out = { ...none, events: next.events.filter((e) => !seen.has(e.id)), alignmentFrom: {} as MapChanges['alignmentFrom'] };
  for (const c of next.cables) {
    const was = before.get(c.id);
    if (c.status === 'cut' && was?.status !== 'cut') out.cut.push(c.id);
    else if ((c.status === 'building' || c.status === 'active') && (!was || was.status === 'proposed')) out.appeared.push(c.id);
    else if (c.status === 'active' && (was?.status === 'building' || was?.status === 'cut')) out.lit.push(c.id);
  }
  const prevIslands = new Map(prev.islands.map((i) => [i.id, i]));
  for (const i of next.islands) {
    const was = prevIslands.get(i.id);
    if (was && POWERS.some((p) => was.alignment[p] !== i.alignment[p])) out.alignmentFrom[i.id] = { ...was.alignment };
  }
  return out;
}
