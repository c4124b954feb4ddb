package web

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/learnsls/learnsls/sandbox"
	"github.com/learnsls/learnsls/web/views"
)

// What the playground panel shows of a stack's state. Everything here only
// reads: viewing a queue receives no message, viewing a table consumes
// nothing a learner's code could notice.
const (
	playgroundPageSize  = 25   // items per page of a table
	playgroundMessages  = 10   // messages shown per queue
	playgroundEmails    = 10   // newest emails shown
	playgroundExcerpt   = 500  // bytes of a message or email body shown
	playgroundItemBytes = 8000 // bytes of one rendered item shown
)

// tableURL is the page of one playground table.
func (s *Server) tableURL(exerciseURL, table, cursor string, plain bool) string {
	q := url.Values{}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	if plain {
		q.Set("format", "plain")
	}
	u := exerciseURL + "/playground/tables/" + url.PathEscape(table)
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// playgroundTable describes one table and reads the page of items after
// cursor. A bad cursor (a hand-edited URL) is an error wrapping
// dynamodb.ErrNotFound when the table is gone, or a *dynamodb.Error.
func (s *Server) playgroundTable(st *sandbox.Stack, exerciseURL, name, cursor string, plain bool) (views.PlaygroundTable, error) {
	ddb := st.DynamoDB()
	d, err := ddb.Describe(name)
	if err != nil {
		return views.PlaygroundTable{}, fmt.Errorf("describe table %s: %w", name, err)
	}
	t := views.PlaygroundTable{Name: name, ItemCount: d.ItemCount, Plain: plain, Paged: cursor != "",
		ID: "table-" + name}
	if m := st.Model(); m != nil {
		for _, mt := range m.Tables() {
			if mt.Name == name {
				t.LogicalID = mt.LogicalID
			}
		}
	}
	types := map[string]string{}
	for _, a := range d.AttributeDefinitions {
		types[a.AttributeName] = a.AttributeType
	}
	for _, k := range d.KeySchema {
		role := "partition key"
		if k.KeyType == "RANGE" {
			role = "sort key"
		}
		t.Keys = append(t.Keys, views.PlaygroundKey{Role: role, Name: k.AttributeName, Type: types[k.AttributeName]})
	}
	for _, ix := range d.GlobalSecondaryIndexes {
		t.Indexes = append(t.Indexes, ix.IndexName)
	}
	for _, ix := range d.LocalSecondaryIndexes {
		t.Indexes = append(t.Indexes, ix.IndexName)
	}
	items, next, err := ddb.ScanPage(name, cursor, playgroundPageSize)
	if err != nil {
		return views.PlaygroundTable{}, fmt.Errorf("scan table %s: %w", name, err)
	}
	for _, raw := range items {
		t.Items = append(t.Items, renderItem(raw, plain))
	}
	t.ViewURL = s.tableURL(exerciseURL, name, "", plain)
	t.ToggleURL = s.tableURL(exerciseURL, name, cursor, !plain)
	if next != "" {
		t.NextURL = s.tableURL(exerciseURL, name, next, plain)
	}
	return t, nil
}

// playgroundTables is every table of the stack with its first page.
func (s *Server) playgroundTables(st *sandbox.Stack, exerciseURL string) []views.PlaygroundTable {
	var out []views.PlaygroundTable
	for _, name := range st.DynamoDB().TableNames() {
		t, err := s.playgroundTable(st, exerciseURL, name, "", false)
		if err != nil {
			continue // deleted between listing and reading
		}
		out = append(out, t)
	}
	return out
}

// playgroundQueues counts each queue's messages and shows the first few,
// with SQS's peek (nothing is received, no visibility timeout starts).
func playgroundQueues(st *sandbox.Stack) []views.PlaygroundQueue {
	logical := map[string]string{}
	if m := st.Model(); m != nil {
		for _, r := range m.OfType("AWS::SQS::Queue") {
			logical[r.Attributes["QueueName"]] = r.LogicalID
		}
	}
	svc := st.SQS()
	var out []views.PlaygroundQueue
	for _, name := range svc.Queues() {
		msgs, err := svc.Peek(name)
		if err != nil {
			continue
		}
		visible, _, err := svc.Visible(name)
		if err != nil {
			continue
		}
		q := views.PlaygroundQueue{Name: name, LogicalID: logical[name], Visible: visible}
		for _, msg := range msgs {
			if msg.InFlight {
				q.InFlight++
			}
			if len(q.Messages) < playgroundMessages {
				q.Messages = append(q.Messages, views.PlaygroundMessage{ID: msg.MessageID, Body: excerpt(msg.Body, playgroundExcerpt),
					ReceiveCount: msg.ReceiveCount, InFlight: msg.InFlight, GroupID: msg.GroupID})
			}
		}
		// Peek and Visible read at slightly different instants; never show
		// a negative count.
		q.Delayed = max(0, len(msgs)-q.InFlight-q.Visible)
		out = append(out, q)
	}
	return out
}

// playgroundOutbox is the newest email SES recorded, newest first, and how
// many there are in all.
func playgroundOutbox(st *sandbox.Stack) ([]views.PlaygroundEmail, int) {
	sent := st.Outbox()
	var out []views.PlaygroundEmail
	for i := len(sent) - 1; i >= 0 && len(out) < playgroundEmails; i-- {
		e := sent[i]
		body := e.Text
		switch {
		case body == "" && e.HTML != "":
			body = e.HTML
		case body == "" && e.Template != "":
			body = "template " + e.Template + " " + e.Data
		case body == "" && e.Raw != "":
			body = e.Raw
		}
		out = append(out, views.PlaygroundEmail{Time: e.Time.Local().Format("15:04:05"), From: e.From,
			To: strings.Join(e.To, ", "), Subject: e.Subject, Excerpt: excerpt(body, playgroundExcerpt)})
	}
	return out, len(sent)
}

// renderItem shows one item (DynamoDB JSON) indented, as DynamoDB JSON or
// converted to plain JSON, cut at playgroundItemBytes.
func renderItem(raw json.RawMessage, plain bool) string {
	var v any
	if plain {
		p, err := plainItem(raw)
		if err != nil {
			plain = false
		} else {
			v = p
		}
	}
	var b []byte
	var err error
	if plain {
		b, err = marshalIndent(v)
	} else {
		var buf bytes.Buffer
		err = json.Indent(&buf, raw, "", "  ")
		b = buf.Bytes()
	}
	if err != nil {
		b = raw
	}
	return excerpt(string(b), playgroundItemBytes)
}

// marshalIndent is json.MarshalIndent without HTML escaping: the page
// escapes, and "<" in a learner's data should read as "<".
func marshalIndent(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// plainItem converts an item in DynamoDB JSON to plain JSON values, as
// attributevalue.UnmarshalMap into a map[string]any would: numbers keep
// their digits, binary is base64, sets become arrays (sorted, as sets have
// no order).
func plainItem(raw json.RawMessage) (map[string]any, error) {
	var it map[string]json.RawMessage
	if err := json.Unmarshal(raw, &it); err != nil {
		return nil, fmt.Errorf("item: %w", err)
	}
	out := make(map[string]any, len(it))
	for k, v := range it {
		p, err := plainValue(v)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", k, err)
		}
		out[k] = p
	}
	return out, nil
}

// plainValue converts one DynamoDB JSON attribute value ({"S":"x"}).
func plainValue(raw json.RawMessage) (any, error) {
	var av map[string]json.RawMessage
	if err := json.Unmarshal(raw, &av); err != nil {
		return nil, err
	}
	if len(av) != 1 {
		return nil, fmt.Errorf("want one type in %s", raw)
	}
	for typ, v := range av {
		switch typ {
		case "S":
			var s string
			return s, json.Unmarshal(v, &s)
		case "N":
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				return nil, err
			}
			return json.Number(s), nil
		case "B":
			var b []byte // base64 on the wire, base64 in plain JSON
			if err := json.Unmarshal(v, &b); err != nil {
				return nil, err
			}
			return base64.StdEncoding.EncodeToString(b), nil
		case "BOOL":
			var b bool
			return b, json.Unmarshal(v, &b)
		case "NULL":
			return nil, nil
		case "SS", "BS":
			var ss []string
			if err := json.Unmarshal(v, &ss); err != nil {
				return nil, err
			}
			sort.Strings(ss)
			return ss, nil
		case "NS":
			var ns []string
			if err := json.Unmarshal(v, &ns); err != nil {
				return nil, err
			}
			out := make([]any, len(ns))
			for i, n := range ns {
				out[i] = json.Number(n)
			}
			return out, nil
		case "L":
			var l []json.RawMessage
			if err := json.Unmarshal(v, &l); err != nil {
				return nil, err
			}
			out := make([]any, len(l))
			for i, e := range l {
				p, err := plainValue(e)
				if err != nil {
					return nil, err
				}
				out[i] = p
			}
			return out, nil
		case "M":
			return plainItem(v)
		}
		return nil, fmt.Errorf("unknown type %q", typ)
	}
	return nil, nil
}

// excerpt cuts s to at most n bytes on a character boundary, marking the cut.
func excerpt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "… (" + fmt.Sprint(len(s)-cut) + " more bytes)"
}
