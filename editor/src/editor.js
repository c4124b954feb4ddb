// The learnsls code editor: CodeMirror 6 mounted over plain <textarea>s, so
// the exercise page works without JavaScript and gains a real editor with it.
//
// Usage from page scripts (no inline scripts: the CSP forbids them):
//   const ed = window.LearnslsEditor.mount(textarea, {lang: "go", onRun: fn, nonce});
//   ed.value(); ed.setValue(s); ed.setDiagnostics([{line, col, message, severity}]);
//   ed.focus();
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { EditorState, Compartment } from "@codemirror/state";
import { indentWithTab } from "@codemirror/commands";
import { go } from "@codemirror/lang-go";
import { yaml } from "@codemirror/lang-yaml";
import { json } from "@codemirror/lang-json";
import { setDiagnostics, lintGutter } from "@codemirror/lint";
import { oneDark } from "@codemirror/theme-one-dark";

function language(lang) {
  switch (lang) {
    case "go": return go();
    case "yaml": case "yml": return yaml();
    case "json": return json();
    default: return [];
  }
}

function prefersDark() {
  const t = document.documentElement.getAttribute("data-theme");
  if (t === "dark") return true;
  if (t === "light") return false;
  return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
}

const views = new Set();
const themes = new WeakMap();

function mount(textarea, opts = {}) {
  const theme = new Compartment();
  const run = opts.onRun || (() => {});
  const readOnly = !!opts.readOnly || textarea.readOnly;
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        basicSetup,
        lintGutter(),
        keymap.of([
          { key: "Mod-Enter", preventDefault: true, run: () => { run(); return true; } },
          indentWithTab,
        ]),
        language(opts.lang || textarea.dataset.lang),
        theme.of(prefersDark() ? oneDark : []),
        EditorState.readOnly.of(readOnly),
        // The site's CSP allows <style> elements only with the page's nonce.
        opts.nonce ? EditorView.cspNonce.of(opts.nonce) : [],
        EditorView.updateListener.of((u) => {
          if (u.docChanged) {
            textarea.value = u.state.doc.toString();
            textarea.dispatchEvent(new Event("input", { bubbles: true }));
          }
        }),
        EditorView.contentAttributes.of({ "aria-label": textarea.getAttribute("aria-label") || textarea.name || "code editor" }),
      ],
    }),
  });
  textarea.hidden = true;
  textarea.insertAdjacentElement("afterend", view.dom);
  views.add(view);
  themes.set(view, theme);

  return {
    view,
    value: () => view.state.doc.toString(),
    setValue: (s) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: s } }),
    focus: () => view.focus(),
    // diagnostics: [{line (1-based), col (1-based, optional), message, severity: "error"|"warning"|"info"}]
    setDiagnostics: (diags) => {
      const doc = view.state.doc;
      const list = (diags || []).map((d) => {
        const ln = doc.line(Math.min(Math.max(d.line || 1, 1), doc.lines));
        const from = Math.min(ln.from + Math.max((d.col || 1) - 1, 0), ln.to);
        return { from, to: ln.to > from ? ln.to : from, severity: d.severity || "error", message: d.message };
      });
      view.dispatch(setDiagnostics(view.state, list));
    },
  };
}

// Follow the site's theme toggle and the system preference.
function retheme() {
  for (const v of views) {
    v.dispatch({ effects: themes.get(v).reconfigure(prefersDark() ? oneDark : []) });
  }
}
new MutationObserver(retheme).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
if (window.matchMedia) window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", retheme);

window.LearnslsEditor = { mount };
