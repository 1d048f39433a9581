import { AUTOSAVE_ID } from '../host/storage';
import { App } from './app';
import { GameController } from './controller';
import { browserStore } from './idb-store';
import type { MapHost } from './map-host';
import type { LoadedScenario } from './scenarios';
import { SeatWorkerClient } from './seats';

/**
 * The game behind the first screen, loaded while the map draws: the controller with its
 * computer seats and storage, and the app that draws it. A game this browser was playing and did
 * not finish carries on where it was.
 */
export async function startApp(map: MapHost, scenario: LoadedScenario | null, params: URLSearchParams): Promise<App> {
  const store = browserStore();
  const seats = new SeatWorkerClient();
  const controller = new GameController({ store, runSeat: seats.run });
  const app = new App(controller, map, scenario);
  if (params.has('debug')) Object.assign(window, { __landingRightsDebug: { controller, app, map } });
  app.render();
  if (params.has('join')) {
    app.openLinkedGame();
    return app;
  }
  if (!scenario || params.has('menu')) return app;
  try {
    const saved = await store.get(AUTOSAVE_ID);
    if (saved && !saved.over) {
      const opened = await controller.open(saved.record, saved.seating, saved.ui ?? {});
      if (!opened.ok) app.setMenuProblem(`Your last game could not be opened: ${opened.message}`);
    }
  } catch (e) {
    app.setMenuProblem(`Saved games could not be read in this browser: ${e instanceof Error ? e.message : String(e)}`);
  }
  addEventListener('pagehide', () => controller.saveSoon());
  return app;
}
