package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/sandbox/events/sqs"
	"github.com/learnsls/learnsls/sandbox/lambda"
)

// withQueue is a table and a queue, deployed without building code.
const withQueue = tableOnly + `  Jobs:
    Type: AWS::SQS::Queue
`

var (
	itemIDRE   = regexp.MustCompile(`&#34;id&#34;: \{\s*&#34;S&#34;: &#34;(item-\d+)&#34;`)
	nextPageRE = regexp.MustCompile(`href="([^"]+)" class="next-page"`)
	toggleRE   = regexp.MustCompile(`href="([^"]+)" class="format-toggle"`)
)

// learnerHeader picks the learner in tests: Options.Identify reads it.
const learnerHeader = "X-Test-Learner"

// asLearner makes a client whose requests act for a learner.
func asLearner(t *testing.T, id string) *http.Client {
	c := newClient(t, true)
	c.Transport = headerTransport{learnerHeader, id}
	return c
}

type headerTransport [2]string

func (h headerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set(h[0], h[1])
	return http.DefaultTransport.RoundTrip(r)
}

func identifyByHeader(o *Options) {
	o.Identify = func(c echo.Context) (int64, error) {
		if c.Request().Header.Get(learnerHeader) == "2" {
			return 2, nil
		}
		return 1, nil
	}
}

func TestPlaygroundTableViewerPagesAndScopes(t *testing.T) {
	ts := startServer(t, exerciseCourse(t), t.TempDir(), func(o *Options) {
		o.Grader = testGrader(t)
		identifyByHeader(o)
	})
	ctx := context.Background()
	p, diags, err := ts.Server.pg.deploy(ctx, 1, "basics/hello", []byte(withQueue), nil)
	if err != nil || diags != nil {
		t.Fatalf("deploy: %v %v", diags, err)
	}
	const n = 60
	items := make([]map[string]any, n)
	for i := range items {
		items[i] = map[string]any{"id": map[string]any{"S": fmt.Sprintf("item-%02d", i)}, "n": map[string]any{"N": fmt.Sprint(i)}}
	}
	items[7]["note"] = map[string]any{"S": "<script>alert(1)</script>"}
	if err := p.stack.PutItems(ctx, "Items", items); err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{"first job", "second job"} {
		if _, err := p.stack.SendMessage("Jobs", body, nil, ""); err != nil {
			t.Fatal(err)
		}
	}

	ada, lin := asLearner(t, "1"), asLearner(t, "2")
	page := ts.URL + "/learn/basics/hello/exercise"
	_, body := get(t, ada, page)
	table := p.stack.DynamoDB().TableNames()[0]
	for _, want := range []string{`id="playground-tables"`, "<code>" + table + "</code>", "(Items)",
		"partition key: <code>id</code> (S)", ">60 items<", "Queue <code>", "2 visible", "0 in flight", "first job"} {
		if !strings.Contains(body, want) {
			t.Errorf("exercise page lacks %q", want)
		}
	}
	if strings.Contains(body, "<script>alert") {
		t.Error("an item's value reached the page unescaped")
	}
	// Viewing receives nothing: the messages are still visible, never received.
	for i := 0; i < 2; i++ {
		get(t, ada, page)
	}
	msgs, err := p.stack.QueueMessages("Jobs")
	if err != nil || len(msgs) != 2 {
		t.Fatalf("queue after viewing: %v %v", msgs, err)
	}
	for _, m := range msgs {
		if m.InFlight || m.ReceiveCount != 0 {
			t.Errorf("viewing changed a message: %+v", m)
		}
	}

	// A received message shows in flight, a delayed one as delayed; the
	// page changes neither.
	svc := p.stack.SQS()
	queue := svc.Queues()[0]
	zero := 0
	got, err := svc.Receive(ctx, sqs.ReceiveInput{QueueUrl: svc.URL(queue), MaxNumberOfMessages: 1, WaitTimeSeconds: &zero})
	if err != nil || len(got) != 1 {
		t.Fatalf("receive: %v %v", got, err)
	}
	delay := 600
	if _, err := svc.Send(queue, sqs.SendInput{MessageBody: "later", DelaySeconds: &delay}, ""); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		_, body = get(t, ada, page)
		for _, want := range []string{">1 visible<", ">1 in flight<", ">1 delayed<", ">in flight "} {
			if !strings.Contains(body, want) {
				t.Errorf("view %d: queue panel lacks %q", i, want)
			}
		}
	}
	if msgs, _ := p.stack.QueueMessages("Jobs"); len(msgs) != 3 || msgs[0].ReceiveCount+msgs[1].ReceiveCount+msgs[2].ReceiveCount != 1 {
		t.Errorf("viewing received messages: %+v", msgs)
	}

	// Page through the table: 25 + 25 + 10, every item exactly once.
	seen := map[string]int{}
	pages := 0
	first := page
	for u := first; u != ""; pages++ {
		resp, body := get(t, ada, u)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d\n%s", u, resp.StatusCode, body)
		}
		ids := itemIDRE.FindAllStringSubmatch(body, -1)
		if want := []int{25, 25, 10}[min(pages, 2)]; len(ids) != want {
			t.Fatalf("page %d has %d items, want %d", pages, len(ids), want)
		}
		for _, m := range ids {
			seen[m[1]]++
		}
		u = ""
		if m := nextPageRE.FindStringSubmatch(body); m != nil {
			u = ts.URL + html.UnescapeString(m[1])
		}
		if pages > 3 {
			t.Fatal("paging does not end")
		}
	}
	if len(seen) != n || pages != 3 {
		t.Errorf("paging saw %d distinct items in %d pages, want %d in 3", len(seen), pages, n)
	}
	for id, k := range seen {
		if k != 1 {
			t.Errorf("%s shown %d times", id, k)
		}
	}

	// The format toggle: plain JSON, same page.
	tableURL := ts.URL + "/learn/basics/hello/exercise/playground/tables/" + table
	_, body = get(t, ada, tableURL)
	m := toggleRE.FindStringSubmatch(body)
	if m == nil || !strings.Contains(body, "show plain JSON") {
		t.Fatalf("table page has no format toggle:\n%s", body)
	}
	_, plain := get(t, ada, ts.URL+html.UnescapeString(m[1]))
	if !strings.Contains(plain, "Plain JSON") || strings.Contains(plain, "&#34;S&#34;") ||
		!regexp.MustCompile(`&#34;id&#34;: &#34;item-\d\d&#34;`).MatchString(plain) || !regexp.MustCompile(`&#34;n&#34;: \d+`).MatchString(plain) {
		t.Errorf("plain JSON page:\n%s", plain)
	}

	// No inline code (the CSP holds), and every link answers.
	_, exercise := get(t, ada, page)
	section := exercise[strings.Index(exercise, `id="playground"`):]
	section = section[:strings.Index(section, "</section>")]
	for name, b := range map[string]string{"table page": body, "plain table page": plain, "playground section": section} {
		refs := scanPage(b)
		for _, p := range refs.problems {
			t.Errorf("%s: %s", name, p)
		}
		for _, ref := range refs.urls {
			if !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "/_aws/") {
				continue
			}
			if resp, _ := get(t, ada, ts.URL+ref); resp.StatusCode != 200 {
				t.Errorf("%s links to %s, which answers %d", name, ref, resp.StatusCode)
			}
		}
	}

	// Another learner sees none of it.
	for _, u := range []string{tableURL, tableURL + "?format=plain"} {
		if resp, _ := get(t, lin, u); resp.StatusCode != http.StatusNotFound {
			t.Errorf("learner 2 GET %s: %d, want 404", u, resp.StatusCode)
		}
	}
	if _, body := get(t, lin, page); strings.Contains(body, table) || strings.Contains(body, "first job") {
		t.Error("learner 2's exercise page shows learner 1's playground")
	}
	// Unknown tables 404, hand-edited cursors are a 400, not a 500.
	tests := []struct {
		u    string
		want int
	}{
		{ts.URL + "/learn/basics/hello/exercise/playground/tables/nope", 404},
		{ts.URL + "/learn/basics/styles/exercise/playground/tables/" + table, 404}, // a quiz has no playground
		{tableURL + "?cursor=" + url.QueryEscape("{not json"), 400},
		{tableURL + "?cursor=" + url.QueryEscape(`{"other":{"S":"x"}}`), 400},
		{tableURL + "?cursor=" + url.QueryEscape(`{"id":{"S":"item-03"},"n":{"N":"3"}}`), 400},
		{tableURL + "?cursor=" + url.QueryEscape(`{"id":{"S":"item-03"}}`), 200},
	}
	for _, tt := range tests {
		if resp, body := get(t, ada, tt.u); resp.StatusCode != tt.want {
			t.Errorf("GET %s: %d, want %d\n%s", tt.u, resp.StatusCode, tt.want, body)
		}
	}
}

func TestPlainItem(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`{"id":{"S":"a"}}`, `{"id":"a"}`},
		{`{"n":{"N":"12345678901234567890123456789012345678"}}`, `{"n":12345678901234567890123456789012345678}`},
		{`{"b":{"B":"AAE="},"t":{"BOOL":true},"z":{"NULL":true}}`, `{"b":"AAE=","t":true,"z":null}`},
		{`{"ss":{"SS":["b","a"]},"ns":{"NS":["2","1.5"]}}`, `{"ns":[2,1.5],"ss":["a","b"]}`},
		{`{"l":{"L":[{"S":"x"},{"M":{"k":{"N":"1"}}}]}}`, `{"l":["x",{"k":1}]}`},
		{`{"h":{"S":"<b>&"}}`, `{"h":"<b>&"}`},
	}
	for _, tt := range tests {
		got := renderItem([]byte(tt.in), true)
		if strings.Join(strings.Fields(got), "") != tt.want {
			t.Errorf("renderItem(%s, plain) = %s, want %s", tt.in, got, tt.want)
		}
	}
	// What is not DynamoDB JSON is shown as it is, never dropped.
	if got := renderItem([]byte(`{"x":{"Q":1}}`), true); !strings.Contains(got, `"Q"`) {
		t.Errorf("unknown type: %s", got)
	}
	if got := excerpt(strings.Repeat("é", 10), 5); got != "éé… (16 more bytes)" {
		t.Errorf("excerpt = %q", got)
	}
}

// usersCourse adds a handler exercise that stores users in a table.
func usersCourse(t *testing.T) *lessons.Course {
	t.Helper()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "lessons", "grade", "testdata", "users", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	fsys := fstest.MapFS{
		"00-data/path.md":                            {Data: []byte("---\ntitle: Data\n---\n\nTables.\n")},
		"00-data/01-users/lesson.md":                 {Data: []byte("---\ntitle: Users\nminutes: 5\n---\n\nStore users.\n")},
		"00-data/01-users/exercise/exercise.yaml":    {Data: []byte("kind: handler\nfiles: [main.go]\nreadonly: [template.yaml]\n")},
		"00-data/01-users/exercise/template.yaml":    {Data: read("template.yaml")},
		"00-data/01-users/exercise/checks.yaml":      {Data: read("checks.yaml")},
		"00-data/01-users/exercise/starter/main.go":  {Data: read("starter.go")},
		"00-data/01-users/exercise/solution/main.go": {Data: read("solution.go")},
	}
	c, err := lessons.Load(fsys)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return c
}

func TestPlaygroundTableViewerShowsWhatTheAPIStored(t *testing.T) {
	ts := startServer(t, usersCourse(t), t.TempDir(), func(o *Options) {
		o.Grader = testGrader(t)
		identifyByHeader(o)
	})
	ada := asLearner(t, "1")
	ada.Timeout = 3 * time.Minute // a cold build cache takes a while
	page := ts.URL + "/learn/data/users/exercise"
	_, body := get(t, ada, page)
	solution, err := os.ReadFile(filepath.Join("..", "lessons", "grade", "testdata", "users", "solution.go"))
	if err != nil {
		t.Fatal(err)
	}
	resp, body := formPost(t, ada, page+"/playground", formToken(t, body), url.Values{"action": {"deploy"}, "file:main.go": {string(solution)}})
	m := invokeURLRE.FindStringSubmatch(body)
	if resp.StatusCode != 200 || m == nil {
		t.Fatalf("deploy: %d\n%s", resp.StatusCode, body)
	}
	if !strings.Contains(body, "No items yet") {
		t.Error("a new table does not say it is empty")
	}
	for _, u := range []struct{ id, name string }{{"u-1", "Ada"}, {"u-2", "Lin"}} {
		code, _, resp := callAPI(t, http.MethodPut, m[1]+"users/"+u.id, `{"name":"`+u.name+`","email":"x@example.com"}`)
		if code != 200 && code != 201 {
			t.Fatalf("PUT %s: %d %s", u.id, code, resp)
		}
	}
	_, body = get(t, ada, page)
	for _, want := range []string{">2 items<", "&#34;S&#34;: &#34;u-1&#34;", "&#34;S&#34;: &#34;Lin&#34;", "(UsersTable)"} {
		if !strings.Contains(body, want) {
			t.Errorf("exercise page after two PUTs lacks %q", want)
		}
	}
	// Learner 2 has no playground: the table's page is theirs to miss.
	lin := asLearner(t, "2")
	tm := regexp.MustCompile(`href="(/learn/data/users/exercise/playground/tables/[^"]+)"`).FindStringSubmatch(body)
	if tm == nil {
		t.Fatal("no link to the table's page")
	}
	if resp, body := get(t, ada, ts.URL+tm[1]); resp.StatusCode != 200 || !strings.Contains(body, "u-2") {
		t.Errorf("table page: %d", resp.StatusCode)
	}
	if resp, _ := get(t, lin, ts.URL+tm[1]); resp.StatusCode != 404 {
		t.Errorf("learner 2 sees learner 1's table: %d", resp.StatusCode)
	}
}

func TestPlaygroundOutbox(t *testing.T) {
	ts := startServer(t, usersCourse(t), t.TempDir(), func(o *Options) { o.Grader = testGrader(t) })
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "lessons", "grade", "testdata", "users", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// The users function, also allowed to send email: same code, so the
	// build comes from the shared code cache.
	tmpl := strings.Replace(string(read("template.yaml")), "      Policies:\n",
		"      Policies:\n        - Statement:\n            - Effect: Allow\n              Action: ses:SendEmail\n              Resource: \"*\"\n", 1)
	ctx := context.Background()
	p, diags, err := ts.Server.pg.deploy(ctx, 1, "data/users", []byte(tmpl), map[string][]byte{"main.go": read("solution.go")})
	if err != nil || diags != nil {
		t.Fatalf("deploy: %v %v", diags, err)
	}
	fn := p.stack.Model().Functions()[0].Name
	for i, subject := range []string{"Welcome", "<b>Your order</b>"} {
		body := fmt.Sprintf(`{"FromEmailAddress":"shop@example.com","Destination":{"ToAddresses":["ada@example.com","lin@example.com"]},`+
			`"Content":{"Simple":{"Subject":{"Data":%q},"Body":{"Text":{"Data":"Message %d: %s"}}}}}`, subject, i, strings.Repeat("x", 600))
		resp := p.stack.CallAWS(ctx, lambdaRequest("sesv2", "SendEmail", fn, body))
		if resp.Status != 200 {
			t.Fatalf("SendEmail: %d %s", resp.Status, resp.Body)
		}
	}
	_, page := get(t, newClient(t, true), ts.URL+"/learn/data/users/exercise")
	for _, want := range []string{"Email sent (2)", "ada@example.com, lin@example.com", "&lt;b&gt;Your order&lt;/b&gt;", "Message 1: xxx", "more bytes)"} {
		if !strings.Contains(page, want) {
			t.Errorf("outbox lacks %q", want)
		}
	}
	if strings.Index(page, "Message 1:") > strings.Index(page, "Message 0:") {
		t.Error("outbox is not newest first")
	}
	if strings.Contains(page, "<b>Your order") {
		t.Error("an email subject reached the page unescaped")
	}
}

func lambdaRequest(service, op, function, body string) lambda.AWSRequest {
	return lambda.AWSRequest{Service: service, Operation: op, FunctionName: function, Body: []byte(body)}
}

// FuzzRenderItem feeds arbitrary bytes as an item: rendering never panics,
// and plain JSON of a well-formed item is valid JSON.
func FuzzRenderItem(f *testing.F) {
	for _, seed := range []string{`{"id":{"S":"a"}}`, `{"n":{"N":"1e5"},"l":{"L":[{"NULL":true},{"M":{}}]}}`,
		`{"b":{"B":"!!"}}`, `{"s":{"SS":[]},"x":{"S":"a","N":"1"}}`, `[]`, `{`, `{"a":{"M":{"b":{"L":[{"Q":1}]}}}}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		dyn := renderItem(raw, false)
		plain := renderItem(raw, true)
		if _, err := plainItem(raw); err == nil && !json.Valid([]byte(plain)) && len(plain) <= playgroundItemBytes {
			t.Errorf("plain rendering of %q is not JSON: %s", raw, plain)
		}
		if dyn == "" && len(raw) > 0 {
			t.Errorf("DynamoDB rendering of %q is empty", raw)
		}
	})
}

// BenchmarkPlaygroundTablePage is the table page of a 10,000-item table,
// from the middle, over loopback HTTP.
func BenchmarkPlaygroundTablePage(b *testing.B) {
	ts := startServer(b, exerciseCourse(b), b.TempDir(), func(o *Options) { o.Grader = testGrader(b) })
	ctx := context.Background()
	p, diags, err := ts.Server.pg.deploy(ctx, 1, "basics/hello", []byte(tableOnly), nil)
	if err != nil || diags != nil {
		b.Fatalf("deploy: %v %v", diags, err)
	}
	items := make([]map[string]any, 10000)
	for i := range items {
		items[i] = map[string]any{"id": map[string]any{"S": fmt.Sprintf("item-%05d", i)},
			"name": map[string]any{"S": "a name"}, "n": map[string]any{"N": fmt.Sprint(i)}, "tags": map[string]any{"SS": []string{"a", "b"}}}
	}
	if err := p.stack.PutItems(ctx, "Items", items); err != nil {
		b.Fatal(err)
	}
	table := p.stack.DynamoDB().TableNames()[0]
	u := ts.URL + "/learn/basics/hello/exercise/playground/tables/" + table + "?format=plain&cursor=" + url.QueryEscape(`{"id":{"S":"item-05000"}}`)
	c := newClient(b, true)
	b.ResetTimer()
	for b.Loop() {
		resp, err := c.Get(u)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatal(resp.Status)
		}
	}
}
