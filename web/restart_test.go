package web

import (
	"net/url"
	"strings"
	"testing"
)

// Progress and the resume point survive stopping the server and starting a
// new one on the same data directory.
func TestRestartKeepsProgress(t *testing.T) {
	course := testCourse(t)
	dataDir := t.TempDir()

	first := startServer(t, course, dataDir, nil)
	c := newClient(t, false)
	lesson := first.URL + "/learn/basics/state"
	_, page := get(t, c, lesson)
	resp, _ := postForm(t, c, lesson, url.Values{"_csrf": {formToken(t, page)}, "done": {"true"}}, nil)
	if resp.StatusCode != 303 {
		t.Fatalf("mark done: status %d", resp.StatusCode)
	}
	first.Stop() // graceful shutdown, database closed

	second := startServer(t, course, dataDir, nil)
	if second.URL == first.URL {
		t.Log("second server reuses the port; fine, it is a new process state")
	}
	c = newClient(t, false) // a new browser session too: progress is not in cookies
	_, home := get(t, c, second.URL+"/")
	if !strings.Contains(home, "1 of 2 done") {
		t.Error("after restart the home page lost the finished lesson")
	}
	if !strings.Contains(home, `id="resume" href="/learn/basics/state">Resume: Keeping no state</a>`) {
		t.Error("after restart the home page does not resume at the last lesson")
	}
	_, page = get(t, c, second.URL+"/learn/basics/state")
	if !strings.Contains(page, "You finished this lesson.") {
		t.Error("after restart the lesson is not marked done")
	}
}
