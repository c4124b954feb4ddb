package web

import (
	"context"
	"os"
	"sync"
	"testing"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's Chromium, which .ci/run installs.
const chromiumPath = "/usr/bin/chromium"

// startChromium starts headless Chromium with a fresh profile, offline
// flags and the given window size, and returns its browser context (no
// deadline; callers add one). Any script error or CSP violation reported by
// the page fails the test when it ends: a broken script would otherwise
// degrade the page silently. Without Chromium the test is skipped, except in
// CI, where it fails.
func startChromium(t *testing.T, width, height int) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("browser test needs %s (apt-get install chromium): %v", chromiumPath, err)
		}
		t.Skipf("skipping browser test: %s not found (apt-get install chromium to run it)", chromiumPath)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	var mu sync.Mutex
	var pageErrs []string
	browser, cancelBrowser := chromedp.NewContext(allocCtx, chromedp.WithLogf(t.Logf), chromedp.WithListener(func(ev any) {
		var msg string
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			msg = e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				msg += " " + e.ExceptionDetails.Exception.Description
			}
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError {
				msg = e.Entry.Text
			}
		}
		if msg != "" {
			mu.Lock()
			pageErrs = append(pageErrs, msg)
			mu.Unlock()
		}
	}))
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		mu.Lock()
		defer mu.Unlock()
		for _, e := range pageErrs {
			t.Errorf("page error: %s", e)
		}
	})
	if err := chromedp.Do(browser); err != nil { // start the browser, without a deadline
		t.Fatalf("start chromium: %v", err)
	}
	return browser
}
