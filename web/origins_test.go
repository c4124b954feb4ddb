package web

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/learnsls/learnsls/lessons"
)

// urlAttrs are the attributes whose values are URLs a browser may load or
// navigate to.
var urlAttrs = map[string]bool{
	"src": true, "href": true, "action": true, "formaction": true, "srcset": true,
	"poster": true, "data": true, "xlink:href": true, "background": true, "cite": true,
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)`)

// pageRefs is what one page refers to.
type pageRefs struct {
	urls     []string // every URL in a URL attribute or CSS url()
	problems []string // inline script, style attributes, <style> elements
}

// scanPage lists a page's references and the inline code a strict CSP
// would block.
func scanPage(body string) pageRefs {
	var r pageRefs
	z := html.NewTokenizer(strings.NewReader(body))
	inScript, inStyle := false, false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return r
		case html.TextToken:
			text := string(z.Text())
			if inScript && strings.TrimSpace(text) != "" {
				r.problems = append(r.problems, "inline script: "+text)
			}
			if inStyle {
				for _, m := range cssURL.FindAllStringSubmatch(text, -1) {
					r.urls = append(r.urls, m[1])
				}
			}
		case html.EndTagToken:
			inScript, inStyle = false, false
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script":
				inScript = tt == html.StartTagToken
				hasSrc := false
				for _, a := range tok.Attr {
					hasSrc = hasSrc || a.Key == "src"
				}
				if !hasSrc {
					r.problems = append(r.problems, "script element without src")
				}
			case "style":
				inStyle = tt == html.StartTagToken
				r.problems = append(r.problems, "<style> element")
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				switch {
				case key == "style":
					r.problems = append(r.problems, "style attribute on <"+tok.Data+">")
				case strings.HasPrefix(key, "on"):
					r.problems = append(r.problems, "event handler attribute "+key+" on <"+tok.Data+">")
				case key == "srcset":
					for _, part := range strings.Split(a.Val, ",") {
						if f := strings.Fields(part); len(f) > 0 {
							r.urls = append(r.urls, f[0])
						}
					}
				case urlAttrs[key]:
					r.urls = append(r.urls, a.Val)
				}
			}
		}
	}
}

// checkOrigins fetches every page of the course (home, each path, each
// lesson, a search, a 404) and fails if any refers to another origin, runs
// inline code, or links to a page of its own origin that does not answer.
func checkOrigins(t *testing.T, course *lessons.Course) {
	ts := startServer(t, course, t.TempDir(), nil)
	own, _ := url.Parse(ts.URL)
	c := newClient(t, false)
	pages := []string{"/", "/search?q=" + url.QueryEscape(course.Lessons()[0].Title), "/no/such/page"}
	for _, p := range course.Paths {
		pages = append(pages, p.URL())
	}
	for _, l := range course.Lessons() {
		pages = append(pages, l.URL())
	}
	seen := map[string]bool{}
	for _, page := range pages {
		_, body := get(t, c, ts.URL+page)
		refs := scanPage(body)
		for _, p := range refs.problems {
			t.Errorf("%s: %s", page, p)
		}
		for _, ref := range refs.urls {
			u, kind := classifyRef(own, ref)
			switch kind {
			case refBad:
				t.Errorf("%s: unparsable URL %q", page, ref)
				continue
			case refJavaScript:
				t.Errorf("%s has a javascript: URL: %q", page, ref)
				continue
			case refOutside:
				t.Errorf("%s refers to an outside origin: %q", page, ref)
				continue
			case refInert:
				continue
			}
			abs := own.ResolveReference(mustParse(t, ts.URL+page)).ResolveReference(u)
			abs.Fragment = ""
			if !seen[abs.String()] {
				seen[abs.String()] = true
				resp, _ := get(t, c, abs.String())
				if resp.StatusCode != 200 {
					t.Errorf("%s links to %s, which answers %d", page, ref, resp.StatusCode)
				}
			}
		}
	}
	// The stylesheets must not load anything from outside either.
	for _, css := range []string{"/static/app.css", "/static/highlight.css"} {
		_, body := get(t, c, ts.URL+css)
		for _, m := range cssURL.FindAllStringSubmatch(body, -1) {
			if !strings.HasPrefix(m[1], "data:") && !strings.HasPrefix(m[1], "/") {
				t.Errorf("%s loads %q", css, m[1])
			}
		}
		if strings.Contains(body, "@import") {
			t.Errorf("%s uses @import", css)
		}
	}
	if len(seen) == 0 {
		t.Fatal("no references checked: the scan found nothing")
	}
}

// Kinds of reference found on a page.
const (
	refSame       = "same origin"
	refInert      = "inert" // data:, #fragment, mailto:, tel:: nothing is fetched from anywhere
	refOutside    = "outside"
	refJavaScript = "javascript"
	refBad        = "unparsable"
)

// classifyRef sorts a page's reference relative to the page's own origin.
func classifyRef(own *url.URL, ref string) (*url.URL, string) {
	u, err := url.Parse(strings.TrimSpace(ref))
	switch {
	case err != nil:
		return nil, refBad
	case u.Scheme == "data", strings.HasPrefix(strings.TrimSpace(ref), "#"):
		return u, refInert
	case strings.EqualFold(u.Scheme, "javascript"):
		return u, refJavaScript
	case u.Host != "" || strings.EqualFold(u.Scheme, "http") || strings.EqualFold(u.Scheme, "https"):
		if u.Host == own.Host && (u.Scheme == "" || u.Scheme == own.Scheme) {
			return u, refSame
		}
		return u, refOutside
	case u.Scheme != "":
		return u, refInert
	}
	return u, refSame
}

func TestClassifyRef(t *testing.T) {
	own, _ := url.Parse("http://127.0.0.1:8080")
	for ref, want := range map[string]string{
		"/static/app.css":                 refSame,
		"flow.svg":                        refSame,
		"../other/":                       refSame,
		"http://127.0.0.1:8080/learn":     refSame,
		"//127.0.0.1:8080/x":              refSame,
		"#anchor":                         refInert,
		"data:image/png;base64,AAAA":      refInert,
		"mailto:someone@example.com":      refInert,
		"tel:+15555550100":                refInert,
		"https://127.0.0.1:8080/":         refOutside,
		"https://docs.aws.amazon.com/":    refOutside,
		"http://evil.example/":            refOutside,
		"//cdn.example/lib.js":            refOutside,
		"HTTPS://FONTS.EXAMPLE/css":       refOutside,
		"javascript:alert(1)":             refJavaScript,
		" JavaScript:alert(1)":            refJavaScript,
		"http://[::1":                     refBad,
		"http://127.0.0.1:9999/other-app": refOutside,
	} {
		if _, got := classifyRef(own, ref); got != want {
			t.Errorf("classifyRef(%q) = %s, want %s", ref, got, want)
		}
	}
}

func mustParse(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestNoOutsideOriginsTestCourse(t *testing.T) {
	checkOrigins(t, testCourse(t))
}

// The real course: the files content.FS() embeds, read from the source
// tree so this package's tests do not depend on the embed compiling.
func TestNoOutsideOriginsRealCourse(t *testing.T) {
	course, err := lessons.Load(os.DirFS(filepath.Join("..", "content")))
	if err != nil {
		t.Fatalf("load the course in ../content: %v", err)
	}
	checkOrigins(t, course)
}

// The scanner itself must catch what it looks for.
func TestScanPageFindsProblems(t *testing.T) {
	page := `<html><head><script>alert(1)</script><style>body{background:url(https://cdn.example/x.png)}</style>
<link rel="stylesheet" href="https://fonts.example/css"></head>
<body><img src="//cdn.example/a.png" srcset="/a.png 1x, https://cdn.example/b.png 2x" style="color:red">
<a href="/ok" onclick="x()">ok</a><form action="http://evil.example/post"></form>
<a href="mailto:someone@example.com">mail</a><a href="javascript:alert(1)">js</a></body></html>`
	r := scanPage(page)
	wantURLs := []string{"https://cdn.example/x.png", "https://fonts.example/css", "//cdn.example/a.png", "/a.png",
		"https://cdn.example/b.png", "/ok", "http://evil.example/post", "mailto:someone@example.com", "javascript:alert(1)"}
	if strings.Join(r.urls, " ") != strings.Join(wantURLs, " ") {
		t.Errorf("urls = %q\nwant   %q", r.urls, wantURLs)
	}
	wantProblems := []string{"script element without src", "inline script: alert(1)", "<style> element",
		"style attribute on <img>", "event handler attribute onclick on <a>"}
	if strings.Join(r.problems, "|") != strings.Join(wantProblems, "|") {
		t.Errorf("problems = %q\nwant       %q", r.problems, wantProblems)
	}
}
