import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, LabelLayout, segmentHitsBox, type LabelRequest } from '../../src/ui/labels';
import { coastlines, landOf } from '../../src/ui/land';
import { centreLongitude, extentWidth, makeProjection, project } from '../../src/ui/projection';

const land = landOf(JSON.parse(readFileSync(new URL('../../assets/map/land.json', import.meta.url), 'utf8')));

describe('the map projection', () => {
  it('centres an extent that crosses 180°', () => {
    expect(extentWidth({ west: 140, east: -150 })).toBe(70);
    expect(centreLongitude({ west: 140, east: -150 })).toBe(175);
    expect(centreLongitude({ west: 170, east: -170 })).toBe(180 - 360);
    expect(centreLongitude({ west: 138, east: 168 })).toBe(153);
  });

  it('fits the extent inside the box, corners on its edges, with land on both sides of 180° in order', () => {
    const extent = { west: 140, east: -150, south: -30, north: 10 };
    const p = makeProjection(extent, 1000, 600, 20);
    const nw = project(p, extent.west, extent.north);
    const se = project(p, extent.east, extent.south);
    expect(Math.min(nw.x, nw.y)).toBeCloseTo(20, 5); // touches the padded box on one axis...
    expect(nw.x).toBeGreaterThanOrEqual(20 - 1e-6);
    expect(nw.y).toBeGreaterThanOrEqual(20 - 1e-6);
    expect(se.x).toBeLessThanOrEqual(980 + 1e-6);
    expect(se.y).toBeLessThanOrEqual(580 + 1e-6);
    // ...and is centred on the other.
    expect((nw.x + se.x) / 2).toBeCloseTo(500, 5);
    const suva = project(p, 178.42, -18.13);
    const apia = project(p, -171.77, -13.82);
    expect(apia.x).toBeGreaterThan(suva.x); // Apia is east of Suva, across 180°
    expect(apia.x - suva.x).toBeLessThan(200);
  });
});

describe('the land asset', () => {
  it('is small and has land at the Pacific capitals, on both sides of 180°', () => {
    expect(readFileSync(new URL('../../assets/map/land.json', import.meta.url)).length).toBeLessThan(300_000);
    const near = (lon: number, lat: number) =>
      land.coordinates.some((poly) => (poly[0] ?? []).some(([x = 0, y = 0]) => Math.abs(y - lat) < 0.5 && Math.abs(((x - lon + 540) % 360) - 180) < 0.5));
    for (const [lon, lat] of [
      [159.95, -9.43],
      [147.18, -9.45],
      [179.22, -8.52],
      [166.92, -0.55],
      [-175.2, -21.13],
      [-171.77, -13.82],
    ] as const)
      expect(near(lon, lat), `land near ${lat}, ${lon}`).toBe(true);
  });

  it('draws no coastline along the 180° cut through Fiji', () => {
    const lines = coastlines(land).coordinates;
    for (const line of lines)
      for (let i = 1; i < line.length; i++) {
        const a = line[i - 1]?.[0] ?? 0;
        const b = line[i]?.[0] ?? 0;
        expect(Math.abs(a) >= 179.999 && Math.abs(b) >= 179.999 && Math.sign(a) === Math.sign(b)).toBe(false);
      }
  });
});

describe('label placement', () => {
  it('never lets a label cover a marker, another label, a leader or the edge', () => {
    // A crowded cluster of markers in a small area.
    const markers = Array.from({ length: 14 }, (_, i) => ({ x: 60 + (i % 5) * 28 + (i % 3) * 7, y: 80 + Math.floor(i / 5) * 26 }));
    const markerBoxes = markers.map((m) => ({ x: m.x - 8, y: m.y - 8, w: 16, h: 16 }));
    const layout = new LabelLayout({ width: 320, height: 240, margin: 4, gap: 3 }, markerBoxes);
    const requests: LabelRequest[] = markers.map((m, i) => ({ id: `m${i}`, x: m.x, y: m.y, r: 8, w: 40 + (i % 4) * 12, h: 20 }));
    const placed = layout.add(requests);
    expect(placed.length).toBeGreaterThan(4);
    for (const [i, a] of placed.entries()) {
      expect(a.box.x).toBeGreaterThanOrEqual(4);
      expect(a.box.y).toBeGreaterThanOrEqual(4);
      expect(a.box.x + a.box.w).toBeLessThanOrEqual(316);
      expect(a.box.y + a.box.h).toBeLessThanOrEqual(236);
      for (const m of markerBoxes) expect(boxesOverlap(a.box, m)).toBe(false);
      for (const b of placed.slice(i + 1)) {
        expect(boxesOverlap(a.box, b.box)).toBe(false);
        if (b.leader) expect(segmentHitsBox(b.leader.x1, b.leader.y1, b.leader.x2, b.leader.y2, a.box)).toBe(false);
        if (a.leader) expect(segmentHitsBox(a.leader.x1, a.leader.y1, a.leader.x2, a.leader.y2, b.box)).toBe(false);
      }
    }
  });

  it('puts a lone label right beside its marker, with no leader', () => {
    const layout = new LabelLayout({ width: 400, height: 300, margin: 4, gap: 3 }, [{ x: 92, y: 92, w: 16, h: 16 }]);
    const [p] = layout.add([{ id: 'a', x: 100, y: 100, r: 8, w: 60, h: 20 }]);
    expect(p?.leader).toBeNull();
    expect(p?.box).toEqual({ x: 111, y: 90, w: 60, h: 20 });
  });
});
