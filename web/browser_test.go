package web

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowser drives real headless Chromium through the course: open home,
// open a lesson, mark it done, reload, see the progress; the theme toggle
// and the skip link work; a screenshot lands in the test's temp dir.
func TestBrowser(t *testing.T) {
	ts := startServer(t, testCourse(t), t.TempDir(), nil)

	browser := startChromium(t, 1200, 900)
	ctx, cancel := context.WithTimeout(browser, 90*time.Second)
	defer cancel()

	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		return s
	}

	shotDir := t.TempDir()
	if keep := os.Getenv("LEARNSLS_SCREENSHOT_DIR"); keep != "" {
		shotDir = keep // to look at the pages after the test
	}
	shoot := func(name string) {
		t.Helper()
		shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 gives a PNG
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if _, err := png.Decode(bytes.NewReader(shot)); err != nil {
			t.Fatalf("screenshot is not a PNG: %v", err)
		}
		file := filepath.Join(shotDir, name)
		if err := os.WriteFile(file, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s (%d bytes)", file, len(shot))
	}

	// Home: no progress yet, an offer to start.
	run("open home", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible("#start"))
	if got := text(".paths"); !strings.Contains(got, "0 of 2 done") {
		t.Errorf("home before: %q", got)
	}

	// Without a saved choice the page follows the system's colour scheme.
	for _, tt := range []struct{ scheme, background string }{
		{"dark", "rgb(22, 21, 19)"},
		{"light", "rgb(251, 250, 248)"},
	} {
		run("emulate "+tt.scheme, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
			_, err := cdp.Call(ctx, tgt, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: tt.scheme}},
			})
			return err
		}))
		if got := eval(`getComputedStyle(document.body).backgroundColor`); got != tt.background {
			t.Errorf("prefers-color-scheme %s: background %s, want %s", tt.scheme, got, tt.background)
		}
	}

	// Keyboard: the first Tab reaches the skip link.
	run("tab", chromedp.KeyEvent(kb.Tab))
	if got := eval(`document.activeElement.textContent`); got != "Skip to content" {
		t.Errorf("first Tab focuses %q, want the skip link", got)
	}

	// Open the lesson from the home page.
	run("open lesson", chromedp.Click("#start"), chromedp.WaitVisible("#mark-done"))
	if got := eval(`location.pathname`); got != "/learn/basics/functions" {
		t.Fatalf("start link went to %s", got)
	}
	if got := text("h1"); got != "Functions first" {
		t.Errorf("lesson h1 = %q", got)
	}

	shoot("lesson.png")

	// theme.js ran (the CSP allowed it) and the toggle remembers the choice.
	run("theme toggle visible", chromedp.WaitVisible("#theme-toggle"))
	before := eval(`getComputedStyle(document.body).backgroundColor`)
	run("toggle theme", chromedp.Click("#theme-toggle"))
	if got := eval(`document.documentElement.getAttribute("data-theme") || ""`); got != "dark" {
		t.Errorf("after toggling, data-theme = %q, want dark", got)
	}
	if got := eval(`document.getElementById("theme-toggle").getAttribute("aria-pressed")`); got != "true" {
		t.Errorf("after toggling, aria-pressed = %q, want true", got)
	}
	if after := eval(`getComputedStyle(document.body).backgroundColor`); after == before {
		t.Errorf("background stayed %s after switching theme", after)
	}

	// Mark as done: a plain form POST, then the lesson again.
	run("mark done", chromedp.Click("#mark-done"), chromedp.WaitVisible(".lesson-meta .status-done"))
	run("reload", chromedp.Reload(), chromedp.WaitVisible(".lesson-meta .status-done"))
	if got := text("#done-status"); got != "You finished this lesson." {
		t.Errorf("after reload: %q", got)
	}
	if got := eval(`document.documentElement.getAttribute("data-theme") || ""`); got != "dark" {
		t.Errorf("theme not remembered across reload: %q", got)
	}

	// Home shows the progress and resumes at the lesson.
	run("home again", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible("#resume"))
	if got := text(".paths"); !strings.Contains(got, "1 of 2 done") {
		t.Errorf("home after: %q", got)
	}
	if got := text("#resume"); got != "Resume: Functions first" {
		t.Errorf("resume link: %q", got)
	}

	shoot("home.png")

	// Without JavaScript: reading and "Mark as done" still work; only the
	// theme toggle stays hidden.
	run("disable scripts", chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	run("lesson without JS", chromedp.Navigate(ts.URL+"/learn/basics/state"), chromedp.WaitVisible("#mark-done"))
	if got := eval(`document.getElementById("theme-toggle").hidden ? "hidden" : "shown"`); got != "hidden" {
		// Evaluate runs even with page scripts disabled; it reads the DOM as
		// the page left it.
		t.Errorf("theme toggle is %s without JavaScript", got)
	}
	run("mark done without JS", chromedp.Click("#mark-done"), chromedp.WaitVisible(".lesson-meta .status-done"))
	run("home without JS", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible("#resume"))
	if got := text(".paths"); !strings.Contains(got, "2 of 2 done") {
		t.Errorf("home after marking without JS: %q", got)
	}
}
