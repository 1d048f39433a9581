/**
 * uPlot builds a number format from navigator.language when it loads, and Intl refuses a POSIX
 * locale tag such as "en-US@posix" (a browser started from a shell with LANG=en_US@posix reports
 * one): drop the modifier so that the charts load. Imported before uPlot for this reason.
 */
try {
  new Intl.NumberFormat(navigator.language);
} catch {
  const tag = navigator.language.replace(/@.*$/, '');
  let usable = 'en-US';
  try {
    new Intl.NumberFormat(tag);
    usable = tag;
  } catch {
    // keep en-US
  }
  Object.defineProperty(navigator, 'language', { value: usable, configurable: true });
}
export {};
