/** The reader's settings, kept in this browser: "projector" scales everything up for a room. */
const PROJECTOR_KEY = 'landing-rights:projector';

export function loadProjector(): boolean {
  try {
    return localStorage.getItem(PROJECTOR_KEY) === '1';
  } catch {
    return false;
  }
}

export function applyProjector(on: boolean): void {
  document.documentElement.classList.toggle('projector', on);
  try {
    localStorage.setItem(PROJECTOR_KEY, on ? '1' : '0');
  } catch {
    /* no storage: the setting lasts this visit */
  }
}
