package sns

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// xmlns is the SNS API namespace of query-protocol responses.
const xmlns = "http://sns.amazonaws.com/doc/2010-03-31/"

// ServeHTTP is the HTTP door in SNS's query protocol, as AWS SDKs and the
// CLI speak it: a form-encoded POST with Action=<Op>, answered in XML.
// Credentials are not checked.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 2<<20))
	if err != nil {
		writeXMLError(w, &Error{400, "InvalidParameter", "could not read the request body"})
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		writeXMLError(w, &Error{400, "InvalidParameter", "the request body is not form-encoded"})
		return
	}
	for k, v := range r.URL.Query() {
		form[k] = v
	}
	action := form.Get("Action")
	jsonBody, err := json.Marshal(formToJSON(form))
	if err != nil {
		writeXMLError(w, &Error{400, "InvalidParameter", err.Error()})
		return
	}
	st, resp := s.Call(r.Context(), action, jsonBody)
	if st != http.StatusOK {
		var e struct{ Code, Message string }
		var raw map[string]string
		json.Unmarshal(resp, &raw)
		e.Code, e.Message = raw["code"], raw["message"]
		writeXMLError(w, &Error{st, e.Code, e.Message})
		return
	}
	var out any
	json.Unmarshal(resp, &out)
	var b strings.Builder
	fmt.Fprintf(&b, `<%sResponse xmlns="%s"><%sResult>`, action, xmlns, action)
	writeXML(&b, out)
	fmt.Fprintf(&b, `</%sResult><ResponseMetadata><RequestId>00000000-0000-4000-8000-000000000000</RequestId></ResponseMetadata></%sResponse>`, action, action)
	w.Header().Set("Content-Type", "text/xml")
	w.Write([]byte(b.String()))
}

func writeXMLError(w http.ResponseWriter, e *Error) {
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(e.Status)
	var msg strings.Builder
	xml.EscapeText(&msg, []byte(e.Message))
	fmt.Fprintf(w, `<ErrorResponse xmlns="%s"><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>00000000-0000-4000-8000-000000000000</RequestId></ErrorResponse>`,
		xmlns, e.Code, msg.String())
}

// writeXML renders a decoded JSON result the way the query protocol
// serialises it: objects as elements, lists as <member> elements.
func writeXML(b *strings.Builder, v any) {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			b.WriteString("<" + k + ">")
			writeXML(b, x[k])
			b.WriteString("</" + k + ">")
		}
	case []any:
		for _, e := range x {
			b.WriteString("<member>")
			writeXML(b, e)
			b.WriteString("</member>")
		}
	case string:
		xml.EscapeText(b, []byte(x))
	case nil:
	default:
		fmt.Fprint(b, x)
	}
}

// formToJSON turns query parameters into the JSON shape of the same call:
// "a.member.1.b" lists, "MessageAttributes.entry.N.Name/Value" and
// "Attributes.entry.N.key/value" maps.
func formToJSON(form url.Values) map[string]any {
	root := map[string]any{}
	for k, vs := range form {
		if k == "Action" || k == "Version" || len(vs) == 0 {
			continue
		}
		setPath(root, strings.Split(k, "."), vs[0])
	}
	return fixLists(root).(map[string]any)
}

func setPath(m map[string]any, parts []string, v string) {
	for len(parts) > 1 {
		if parts[1] == "member" || parts[1] == "entry" {
			if len(parts) < 3 {
				return
			}
			// Lists are kept as maps keyed by index until fixLists.
			key := parts[0] + "\x00list"
			lm, _ := m[key].(map[string]any)
			if lm == nil {
				lm = map[string]any{}
				m[key] = lm
			}
			el, _ := lm[parts[2]].(map[string]any)
			if el == nil {
				el = map[string]any{}
				lm[parts[2]] = el
			}
			if len(parts) == 3 {
				lm[parts[2]] = v
				return
			}
			m, parts = el, parts[3:]
			continue
		}
		sub, _ := m[parts[0]].(map[string]any)
		if sub == nil {
			sub = map[string]any{}
			m[parts[0]] = sub
		}
		m, parts = sub, parts[1:]
	}
	if len(parts) == 1 {
		m[parts[0]] = v
	}
}

func fixLists(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	out := map[string]any{}
	for k, x := range m {
		name, isList := strings.CutSuffix(k, "\x00list")
		if !isList {
			out[k] = fixLists(x)
			continue
		}
		lm := x.(map[string]any)
		idx := make([]int, 0, len(lm))
		for i := range lm {
			n, _ := strconv.Atoi(i)
			idx = append(idx, n)
		}
		sort.Ints(idx)
		var list []any
		for _, i := range idx {
			list = append(list, fixLists(lm[strconv.Itoa(i)]))
		}
		switch name {
		case "MessageAttributes":
			attrs := map[string]any{}
			for _, e := range list {
				em, _ := e.(map[string]any)
				if n, ok := em["Name"].(string); ok {
					attrs[n] = em["Value"]
				}
			}
			out[name] = attrs
		case "Attributes", "Tags":
			attrs := map[string]any{}
			for _, e := range list {
				em, _ := e.(map[string]any)
				if k, ok := em["key"].(string); ok {
					attrs[k] = em["value"]
				}
			}
			out[name] = attrs
		default:
			out[name] = list
		}
	}
	return out
}
