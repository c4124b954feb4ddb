package web

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestExerciseBrowser drives a handler exercise in real headless Chromium:
// code that does not compile shows its diagnostic at the right line in the
// editor; a wrong handler fails a check with its message; the fixed handler
// passes on Submit and marks the lesson done; after a reload the draft is
// intact; Deploy to my playground shows an invoke URL that answers, and
// the call's log lines arrive on the page live.
func TestExerciseBrowser(t *testing.T) {
	ts := startServer(t, exerciseCourse(t), t.TempDir(), func(o *Options) { o.Grader = testGrader(t) })
	solution, err := os.ReadFile(filepath.Join("..", "lessons", "grade", "testdata", "hello", "solution.go"))
	if err != nil {
		t.Fatal(err)
	}
	starter, err := os.ReadFile(filepath.Join("..", "lessons", "grade", "testdata", "hello", "starter.go"))
	if err != nil {
		t.Fatal(err)
	}

	browser := startChromium(t, 1280, 1000)
	// Grading builds Go code: generous, since the machine may be busy.
	ctx, cancel := context.WithTimeout(browser, 4*time.Minute)
	defer cancel()

	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			// Say what the page showed, from a fresh context: ctx may be spent.
			dump, _ := chromedp.Run(browser, chromedp.Evaluate[string](`(document.getElementById("progress")||{}).textContent + " | " + (document.getElementById("results")||{}).textContent`))
			t.Fatalf("%s: %v\npage: %s", what, err, dump)
		}
	}
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		return s
	}
	setCode := func(code []byte) {
		t.Helper()
		lit, _ := json.Marshal(string(code))
		eval(`window.LearnslsExercise.editors["main.go"].setValue(` + string(lit) + `); document.getElementById("results").innerHTML = ""; "ok"`)
	}

	run("open exercise", chromedp.Navigate(ts.URL+"/learn/basics/hello/exercise"), chromedp.WaitVisible("#panel-0 .cm-editor"))
	if got := eval(`document.querySelectorAll(".file-tab").length + " tabs"`); got != "2 tabs" {
		t.Errorf("file tabs: %s", got)
	}

	// 1. Code that does not compile: the diagnostic, inline at line 4.
	setCode([]byte("package main\n\nfunc main() {\n\tnope()\n}\n"))
	// Run and Submit are disabled while a grading streams; wait for them.
	run("run broken code", chromedp.Click("#run-button"), chromedp.WaitVisible("#verdict"), chromedp.WaitEnabled("#run-button"))
	if got := eval(`document.getElementById("verdict").textContent`); !strings.Contains(got, "does not compile") || !strings.Contains(got, "main.go:4:2: undefined: nope") {
		t.Fatalf("compile error verdict: %q", got)
	}
	run("lint marker", chromedp.WaitReady(".cm-lintRange-error"))
	if got := eval(`(() => { const el = document.querySelector(".cm-lintRange-error"); const line = el.closest(".cm-line"); return Array.from(line.parentNode.children).indexOf(line) + 1 + ""; })()`); got != "4" {
		t.Errorf("diagnostic shown on editor line %s, want 4", got)
	}

	// 2. A wrong handler: the failing check and what it teaches.
	setCode(starter)
	run("run starter", chromedp.Click("#run-button"), chromedp.WaitVisible("#verdict .check.fail"), chromedp.WaitEnabled("#run-button"))
	if got := eval(`document.querySelector("#verdict .check.fail").textContent`); !strings.Contains(got, "must answer 200") {
		t.Errorf("failing check: %q", got)
	}

	// 3. The fix passes on Submit.
	setCode(solution)
	run("submit solution", chromedp.Click("#submit-button"), chromedp.WaitVisible(`#verdict[data-passed="true"]`))
	if got := eval(`document.querySelector("#verdict .verdict-title").textContent`); !strings.Contains(got, "exercise complete") {
		t.Errorf("pass title: %q", got)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(t.TempDir(), "exercise.png"), shot, 0o644); err != nil {
		t.Fatal(err)
	}

	// 4. Reload: the draft is the passing code, and the lesson is done.
	run("reload", chromedp.Reload(), chromedp.WaitVisible("#panel-0 .cm-editor"))
	if got := eval(`window.LearnslsExercise.editors["main.go"].value()`); got != strings.ReplaceAll(string(solution), "\r\n", "\n") {
		t.Errorf("draft after reload differs from the submitted code:\n%s", got)
	}
	// 5. Deploy to the playground, call the API like curl would, and watch
	// its log lines arrive on the page without a reload.
	run("deploy", chromedp.Click("#deploy-button"), chromedp.WaitVisible(".invoke-url"))
	invoke := eval(`document.querySelector(".invoke-url").href`)
	code, _, body := callAPI(t, "POST", invoke+"hello", `{"first_name":"Ada","last_name":"Lovelace"}`)
	if code != 200 || body != `{"message":"Hello Ada Lovelace!"}` {
		t.Fatalf("POST %shello: %d %s", invoke, code, body)
	}
	run("live logs", chromedp.Poll[chromedp.Void](`Array.from(document.querySelectorAll("#playground-log-console .log-frame")).some((e) => e.textContent.startsWith("REPORT RequestId:"))`, chromedp.WithPollingTimeout(20*time.Second)))

	run("lesson done", chromedp.Navigate(ts.URL+"/learn/basics/hello"), chromedp.WaitVisible(".lesson-meta .status-done"))
}
