package lessons

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// SearchResult is one match of Course.Search: a lesson, and the heading
// whose section matched (empty Anchor when the lesson itself matched).
type SearchResult struct {
	Lesson  *Lesson
	Anchor  string // heading id, "" for the lesson as a whole
	Heading string // heading text, "" for the lesson as a whole
	Snippet string // a short plain-text excerpt to show under the result
	URL     string // lesson URL with the anchor, "/learn/p/l#id"
}

// maxResults bounds the answer of Search.
const maxResults = 30

// snippetLen is the length of a result's excerpt in runes.
const snippetLen = 160

// searchSection is one searchable unit: a lesson's title or one heading.
type searchSection struct {
	lesson  *Lesson
	anchor  string
	heading string
	title   string // lower-cased title or heading text
	all     string // lower-cased title and text of the section
	snippet string
}

// addSections indexes a lesson: its title and summary, then each heading
// with the text under it.
func (c *Course) addSections(l *Lesson, secs []section) {
	lead := l.Summary
	if lead == "" && len(secs) > 0 {
		lead = secs[0].text
	}
	c.sections = append(c.sections, searchSection{
		lesson: l, title: strings.ToLower(l.Title),
		all:     strings.ToLower(l.Title + " " + l.Summary + " " + strings.Join(l.Objectives, " ") + " " + lead),
		snippet: excerpt(lead),
	})
	for _, s := range secs {
		if s.heading.ID == "" {
			continue
		}
		c.sections = append(c.sections, searchSection{
			lesson: l, anchor: s.heading.ID, heading: s.heading.Text,
			title: strings.ToLower(s.heading.Text), all: strings.ToLower(s.heading.Text + " " + s.text), snippet: excerpt(s.text),
		})
	}
}

// Search finds lessons whose title or headings contain every word of q
// (case-insensitive). Title and heading matches rank first; sections whose
// text contains every word follow. At most 30 results are returned, in
// rank order then course order. The scan is linear: about 40 µs on the seed
// course (BenchmarkSearch), fast enough for a few hundred lessons.
func (c *Course) Search(q string) []SearchResult {
	words := strings.Fields(strings.ToLower(q))
	if len(words) == 0 {
		return nil
	}
	type hit struct {
		rank, order int
		s           *searchSection
	}
	var hits []hit
	for i := range c.sections {
		s := &c.sections[i]
		rank := 0
		switch {
		case containsAll(s.title, words) && s.anchor == "":
			rank = 3
		case containsAll(s.title, words):
			rank = 2
		case containsAll(s.all, words):
			rank = 1
		}
		if rank > 0 {
			hits = append(hits, hit{rank, i, s})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].rank > hits[j].rank })
	if len(hits) > maxResults {
		hits = hits[:maxResults]
	}
	out := make([]SearchResult, len(hits))
	for i, h := range hits {
		u := h.s.lesson.URL()
		if h.s.anchor != "" {
			u += "#" + h.s.anchor
		}
		out[i] = SearchResult{Lesson: h.s.lesson, Anchor: h.s.anchor, Heading: h.s.heading, Snippet: h.s.snippet, URL: u}
	}
	return out
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// excerpt shortens text to about snippetLen runes at a word boundary.
func excerpt(text string) string {
	if len(text) > 8*snippetLen { // only the start is shown; skip normalising the rest
		text = text[:8*snippetLen]
	}
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= snippetLen {
		return text
	}
	r := []rune(text)[:snippetLen]
	s := string(r)
	if i := strings.LastIndex(s, " "); i > snippetLen/2 {
		s = s[:i]
	}
	return s + "…"
}
