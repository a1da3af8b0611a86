// The static home page's script. The page (written at build time by student::static_home) already
// lists every built-in pack; this script marks the packs with an unfinished play and starts the
// play app (the Yew wasm, named by the manifest `data-app` and prefetched once the page has loaded,
// while the student reads) when the student needs it: a click on
// a pack, a route in the URL (#/history, #/play…), or stored data only the app can show (packs a
// teacher loaded, LRS settings). The app then replaces the static page (src/main.rs removes
// #static-home) and the clicked pack is opened in it.
// An LMS's SCORM launch of the site's root (`?scorm=1&pack=ID`) belongs to the SCORM page. Here and
// not in an inline script: the pages' Content-Security-Policy allows no inline script.
if (/[?&]scorm=1(&|$)/.test(location.search)) location.replace(`lms/scorm/${location.search}`);

const page = document.getElementById('static-home');
const cfg = page.dataset;
const at = (path) => new URL(path, document.baseURI).href;
let files = null;
let prepared = null;
let started = null;

// The app's JS and wasm file names, from the build's manifest.
function appFiles() {
  files ??= fetch(at(cfg.app))
    .then((r) => {
      if (!r.ok) throw new Error(`${cfg.app}: HTTP ${r.status}`);
      return r.json();
    })
    .catch((e) => {
      files = null; // the next click asks again
      throw e;
    });
  return files;
}

// Fetches and compiles the app: ahead of a click once the prefetches are in (then from the cache),
// or at once when the app is needed before that.
function prepare() {
  prepared ??= appFiles().then(({ js, wasm }) => Promise.all([
    import(at(js)),
    fetch(at(wasm)).then((r) =>
      (r.headers.get('content-type') ?? '').startsWith('application/wasm')
        ? WebAssembly.compileStreaming(r)
        : r.arrayBuffer().then((b) => WebAssembly.compile(b))),
  ])).catch((e) => {
    prepared = null; // the next click fetches again
    throw e;
  });
  return prepared;
}

function start() {
  started ??= prepare().then(async ([glue, module]) => {
    const wasm = await glue.default({ module_or_path: module });
    // What trunk's own loader does, for scripts that wait for it.
    window.wasmBindings = glue;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  });
  return started;
}

// Opens pack `id` in the app once the app's home page lists it (a few frames after start).
function open(id) {
  start().then(() => {
    let frames = 600;
    const tick = () => {
      const card = document.querySelector(`[data-pack="${CSS.escape(id)}"]`);
      if (card && !page.contains(card)) card.click();
      else if (frames-- > 0) requestAnimationFrame(tick);
    };
    tick();
  });
}

const route = () => location.hash.replace(/^#\/?/, '');
let needsApp = route() !== '';
try {
  const appKeys = cfg.appKeys.split(' ');
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (appKeys.some((k) => key.startsWith(k))) needsApp = true;
    else if (key.startsWith(cfg.progress)) {
      const id = key.slice(cfg.progress.length);
      const title = page.querySelector(`[data-pack="${CSS.escape(id)}"] .pack-title`);
      if (title) {
        const badge = document.createElement('span');
        badge.className = 'badge';
        badge.textContent = cfg.badge;
        title.after(badge);
      }
    }
  }
} catch {
  // Storage this script cannot read: the app reads it and says what is wrong.
  needsApp = true;
}

page.addEventListener('click', (e) => {
  const card = e.target.closest('[data-pack]');
  if (card) {
    card.setAttribute('aria-busy', 'true');
    open(card.dataset.pack);
  }
});
// A route shows a page of the app, not this list: nothing is shown until the app renders it (the
// static home page would be the wrong page, with the wrong current nav link).
const toRoute = () => {
  page.replaceChildren();
  start();
};
addEventListener('hashchange', () => route() && toRoute());
if (route()) toRoute();
else if (needsApp) start();
else {
  // Prefetch the app while the student reads (low priority, as the page parses), then compile it
  // when idle once the page has loaded.
  const prefetch = (href) => new Promise((ok) => {
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.href = href;
    link.crossOrigin = 'anonymous';
    link.addEventListener('load', ok);
    link.addEventListener('error', ok);
    document.head.append(link);
  });
  const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 200));
  const afterLoad = new Promise((ok) => (document.readyState === 'complete' ? ok() : addEventListener('load', ok)));
  appFiles()
    .then(({ js, wasm }) => Promise.all([prefetch(at(js)), prefetch(at(wasm)), afterLoad]))
    .then(() => idle(() => prepare()))
    .catch(() => {}); // a click tries again and shows what failed
}
