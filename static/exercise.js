// The exercise page's behaviour. The page works without it (a plain form
// posts the files and comes back with results); with it, textareas become
// code editors, drafts save themselves, and results stream in as the checks
// run. No inline scripts: the site's CSP forbids them.
(function () {
  "use strict";
  const form = document.getElementById("exercise-form");
  if (!form) return;
  const results = document.getElementById("results");
  const progress = document.getElementById("progress");
  const draftStatus = document.getElementById("draft-status");
  const buttons = form.querySelectorAll("button[type=submit]");
  const token = form.querySelector("input[name=_csrf]").value;
  const editors = {}; // file name -> editor
  let busy = false;

  // Editors over the textareas, with tabs between files.
  const panels = Array.from(form.querySelectorAll(".file-panel"));
  const tabs = Array.from(form.querySelectorAll(".file-tab"));
  if (window.LearnslsEditor) {
    for (const ta of form.querySelectorAll("textarea.code")) {
      const ed = window.LearnslsEditor.mount(ta, { lang: ta.dataset.lang, onRun: () => grade("run"), nonce: form.dataset.styleNonce });
      if (ta.dataset.file) editors[ta.dataset.file] = ed;
    }
  }
  function select(i) {
    tabs.forEach((t, j) => {
      t.setAttribute("aria-selected", String(i === j));
      t.tabIndex = i === j ? 0 : -1;
    });
    panels.forEach((p, j) => { p.hidden = i !== j; });
  }
  if (tabs.length > 1) {
    form.querySelector(".file-tabs").hidden = false;
    form.classList.add("tabbed");
    tabs.forEach((t, i) => {
      t.addEventListener("click", () => select(i));
      t.addEventListener("keydown", (e) => {
        if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
          const n = (i + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length;
          select(n);
          tabs[n].focus();
        }
      });
    });
    select(0);
  }

  // Drafts: saved a moment after each change.
  let draftTimer = null;
  function saveDraft() {
    draftStatus.textContent = "Saving draft…";
    fetch(form.dataset.draftUrl, {
      method: "POST",
      headers: { "X-CSRF-Token": token },
      body: new URLSearchParams(new FormData(form)),
    }).then((r) => {
      if (!r.ok) throw new Error(r.status);
      const now = new Date();
      draftStatus.textContent = "Draft saved " + now.toTimeString().slice(0, 5);
    }).catch(() => {
      draftStatus.textContent = "Could not save the draft — is the server running?";
    });
  }
  function changed() {
    clearTimeout(draftTimer);
    draftStatus.textContent = "Unsaved changes";
    draftTimer = setTimeout(saveDraft, 800);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);

  // Run / Submit stream their results.
  form.addEventListener("submit", (e) => {
    // "Deploy to my playground" posts the form as it is (the page comes
    // back with the invoke URLs); only say what is happening.
    if (e.submitter && e.submitter.value === "deploy") {
      if (busy) { e.preventDefault(); return; }
      busy = true;
      clearTimeout(draftTimer);
      show("Building and deploying your playground…");
      return;
    }
    e.preventDefault();
    const action = e.submitter && e.submitter.value === "submit" ? "submit" : "run";
    grade(action);
  });
  form.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && form.dataset.kind === "quiz") {
      e.preventDefault();
      grade("run");
    }
  });

  function show(text) {
    progress.hidden = false;
    progress.textContent = text;
  }
  function ordinal(n) {
    const s = ["th", "st", "nd", "rd"], v = n % 100;
    return n + (s[(v - 20) % 10] || s[v] || s[0]);
  }

  async function grade(action) {
    if (busy) return;
    busy = true;
    clearTimeout(draftTimer);
    buttons.forEach((b) => { b.disabled = true; });
    for (const ed of Object.values(editors)) ed.setDiagnostics([]);
    show(action === "submit" ? "Submitting…" : "Running the checks…");
    const body = new URLSearchParams(new FormData(form));
    body.set("action", action);
    try {
      const resp = await fetch(form.dataset.gradeUrl, { method: "POST", headers: { "X-CSRF-Token": token }, body });
      if (!resp.ok || !resp.body) throw new Error("the server answered " + resp.status);
      const reader = resp.body.getReader();
      const decoder = new TextDecoder();
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        let i;
        while ((i = buf.indexOf("\n\n")) >= 0) {
          handle(buf.slice(0, i));
          buf = buf.slice(i + 2);
        }
      }
      draftStatus.textContent = "Draft saved " + new Date().toTimeString().slice(0, 5);
    } catch (err) {
      show("Could not reach the grader (" + err.message + "). Your draft is saved; try again.");
    } finally {
      busy = false;
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  function handle(chunk) {
    let event = "message", data = "";
    for (const line of chunk.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data += line.slice(6);
    }
    const d = data ? JSON.parse(data) : {};
    switch (event) {
      case "queued":
        show("Waiting for a free grader: you are " + ordinal(d.position) + " in line.");
        break;
      case "progress":
        if (d.Stage === "building") show("Building and deploying your code…");
        else if (d.Stage === "checking") show("Check " + d.Check + " of " + d.Total + ": " + d.Name);
        else if (d.Stage === "done") show("Done.");
        break;
      case "problem":
        show(d.message);
        break;
      case "verdict": {
        progress.hidden = true;
        results.innerHTML = d.html;
        const v = d.verdict || {};
        const byFile = {};
        for (const diag of v.diagnostics || []) {
          (byFile[diag.file] = byFile[diag.file] || []).push({ line: diag.line, col: diag.col, message: diag.message, severity: "error" });
        }
        for (const [name, ed] of Object.entries(editors)) ed.setDiagnostics(byFile[name] || []);
        const first = results.querySelector(".check.fail summary, .verdict-title");
        if (first) first.scrollIntoView({ block: "nearest" });
        break;
      }
    }
  }

  // The playground's logs arrive live (the page shows them without this).
  const logConsole = document.getElementById("playground-log-console");
  if (logConsole && logConsole.dataset.streamUrl && window.EventSource) {
    const frames = ["START RequestId:", "END RequestId:", "REPORT RequestId:", "INIT_START"];
    const noLogs = document.getElementById("playground-no-logs");
    const logs = new EventSource(logConsole.dataset.streamUrl);
    logs.addEventListener("log", (e) => {
      const line = JSON.parse(e.data);
      const span = document.createElement("span");
      span.className = "log-line" + (frames.some((f) => line.startsWith(f)) ? " log-frame" : "");
      span.textContent = line;
      logConsole.appendChild(span);
      while (logConsole.childElementCount > 200) logConsole.firstElementChild.remove();
      logConsole.hidden = false;
      if (noLogs) noLogs.hidden = true;
      logConsole.scrollTop = logConsole.scrollHeight;
    });
    logs.addEventListener("replaced", () => logs.close());
  }

  // Tests and power users reach the editors here.
  window.LearnslsExercise = { editors };

  // Reset asks first: it throws the draft away.
  const reset = document.getElementById("reset-form");
  if (reset) {
    reset.addEventListener("submit", (e) => {
      if (!window.confirm("Reset to the starter code? Your draft will be lost.")) e.preventDefault();
    });
  }
})();
