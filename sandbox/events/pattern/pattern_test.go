package pattern

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// ec2Event is the EC2 state-change event AWS's pattern documentation uses.
const ec2Event = `{"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"EC2 Instance State-change Notification","source":"aws.ec2","account":"111122223333","time":"2017-12-22T18:43:48Z","region":"us-west-1","resources":["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],"detail":{"instance-id":"i-1234567890abcdef0","state":"terminated"}}`

// richEvent exercises every operator.
const richEvent = `{"source":"com.mycompany.myapp","detail-type":"Order Placed","account":"123456789012","region":"us-east-1",
"detail":{"c-count":5,"d-count":3,"x-limit":301.8,"state":"running","Region":"us-east-1","FileName":"photo.png",
"FilePath":"/usr/lib/libc.so","sourceIPAddress":"10.0.0.255","ipv6":"2001:db8::1","tags":["a","b"],
"items":[{"sku":"X","qty":2},{"sku":"Y","qty":0}],"LastName":"","responseElements":null,
"price":{"amount":150,"currency":"USD"},"nested":{"deep":{"leaf":"v"}},"flag":true,
"EventBusArn":"arn:aws:events:us-east-1:123456789012:event-bus/orders","empty":[],"mixed":[1,"1",null],
"service":"EventBridge","status":"OPEN","neg":-7.5,"big":4999999999}}`

type vector struct {
	name    string
	pattern string
	event   string
	match   bool
}

func vectors() []vector {
	E, R := ec2Event, richEvent
	return []vector{
		// AWS's documented examples (Event patterns; Content filtering).
		{"doc: source, detail-type and state", `{"source":["aws.ec2"],"detail-type":["EC2 Instance State-change Notification"],"detail":{"state":["terminated"]}}`, E, true},
		{"doc: source only", `{"source":["aws.ec2"]}`, E, true},
		{"doc: several sources are OR", `{"source":["aws.ec2","aws.fargate"]}`, E, true},
		{"doc: other source", `{"source":["aws.s3"]}`, E, false},
		{"doc: state running or stopped", `{"detail":{"state":["running","stopped"]}}`, E, false},
		{"doc: resources array intersects", `{"resources":["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0","arn:aws:ec2:us-west-1:123456789012:instance/i-0"]}`, E, true},
		{"doc: resources array disjoint", `{"resources":["arn:aws:ec2:us-west-1:123456789012:instance/i-0"]}`, E, false},
		{"doc: field names are case-sensitive", `{"Source":["aws.ec2"]}`, E, false},
		{"doc: values are case-sensitive", `{"source":["AWS.EC2"]}`, E, false},
		{"doc: numeric ranges c-count d-count x-limit", `{"detail":{"c-count":[{"numeric":[">",0,"<=",5]}],"d-count":[{"numeric":["<",10]}],"x-limit":[{"numeric":["=",3.018e2]}]}}`, R, true},
		{"doc: $or of numeric rules", `{"detail":{"$or":[{"c-count":[{"numeric":[">",0,"<=",5]}]},{"d-count":[{"numeric":["<",10]}]},{"x-limit":[{"numeric":["=",3.018e2]}]}]}}`, R, true},
		{"doc: anything-but initializing", `{"detail":{"state":[{"anything-but":"initializing"}]}}`, R, true},
		{"doc: anything-but list", `{"detail":{"state":[{"anything-but":["stopped","overloaded"]}]}}`, R, true},
		{"doc: anything-but list hit", `{"detail":{"state":[{"anything-but":["running","overloaded"]}]}}`, R, false},
		{"doc: anything-but numbers", `{"detail":{"x-limit":[{"anything-but":[100,200,300]}]}}`, R, true},
		{"doc: anything-but prefix us-", `{"detail":{"Region":[{"anything-but":{"prefix":"us-"}}]}}`, R, false},
		{"doc: anything-but suffix .png", `{"detail":{"FileName":[{"anything-but":{"suffix":".png"}}]}}`, R, false},
		{"doc: anything-but ignore case", `{"detail":{"state":[{"anything-but":{"equals-ignore-case":"RUNNING"}}]}}`, R, false},
		{"doc: anything-but wildcard */lib/*", `{"detail":{"FilePath":[{"anything-but":{"wildcard":"*/lib/*"}}]}}`, R, false},
		{"doc: prefix us-", `{"detail":{"Region":[{"prefix":"us-"}]}}`, R, true},
		{"doc: prefix ignore case", `{"detail":{"service":[{"prefix":{"equals-ignore-case":"eventb"}}]}}`, R, true},
		{"doc: suffix .png", `{"detail":{"FileName":[{"suffix":".png"}]}}`, R, true},
		{"doc: suffix ignore case", `{"detail":{"FileName":[{"suffix":{"equals-ignore-case":".PNG"}}]}}`, R, true},
		{"doc: empty string", `{"detail":{"LastName":[""]}}`, R, true},
		{"doc: null value", `{"detail":{"responseElements":[null]}}`, R, true},
		{"doc: null does not match empty string", `{"detail":{"LastName":[null]}}`, R, false},
		{"doc: empty string does not match null", `{"detail":{"responseElements":[""]}}`, R, false},
		{"doc: exists true", `{"detail":{"state":[{"exists":true}]}}`, R, true},
		{"doc: exists false", `{"detail":{"state":[{"exists":false}]}}`, R, false},
		{"doc: exists false on missing", `{"detail":{"nope":[{"exists":false}]}}`, R, true},
		{"doc: cidr 10.0.0.0/24", `{"detail":{"sourceIPAddress":[{"cidr":"10.0.0.0/24"}]}}`, R, true},
		{"doc: cidr other net", `{"detail":{"sourceIPAddress":[{"cidr":"10.0.1.0/24"}]}}`, R, false},
		{"doc: wildcard bus ARN", `{"detail":{"EventBusArn":[{"wildcard":"arn:aws:events:us-east-1:*:event-bus/*"}]}}`, R, true},
		{"doc: equals-ignore-case", `{"detail-type":[{"equals-ignore-case":"order placed"}]}`, R, true},

		// Exact matching and types.
		{"exact string", `{"detail":{"status":["OPEN"]}}`, R, true},
		{"exact string miss", `{"detail":{"status":["open"]}}`, R, false},
		{"number equals number", `{"detail":{"c-count":[5]}}`, R, true},
		{"number 5.0 equals 5", `{"detail":{"c-count":[5.0]}}`, R, true},
		{"string 5 is not number 5", `{"detail":{"c-count":["5"]}}`, R, false},
		{"number 1 matches element of mixed", `{"detail":{"mixed":[1]}}`, R, true},
		{"string 1 matches element of mixed", `{"detail":{"mixed":["1"]}}`, R, true},
		{"null matches element of mixed", `{"detail":{"mixed":[null]}}`, R, true},
		{"boolean true", `{"detail":{"flag":[true]}}`, R, true},
		{"boolean false", `{"detail":{"flag":[false]}}`, R, false},
		{"string true is not boolean", `{"detail":{"flag":["true"]}}`, R, false},
		{"missing field", `{"detail":{"missing":["x"]}}`, R, false},
		{"missing parent", `{"nothere":{"x":["y"]}}`, R, false},
		{"several fields AND all hold", `{"source":["com.mycompany.myapp"],"detail":{"status":["OPEN"],"flag":[true]}}`, R, true},
		{"several fields AND one fails", `{"source":["com.mycompany.myapp"],"detail":{"status":["OPEN"],"flag":[false]}}`, R, false},
		{"leaf pattern on object value", `{"detail":{"price":["150"]}}`, R, false},
		{"object pattern on scalar value", `{"detail":{"status":{"x":["y"]}}}`, R, false},

		// Nested fields.
		{"nested two levels", `{"detail":{"price":{"currency":["USD"]}}}`, R, true},
		{"nested three levels", `{"detail":{"nested":{"deep":{"leaf":["v"]}}}}`, R, true},
		{"nested three levels miss", `{"detail":{"nested":{"deep":{"leaf":["w"]}}}}`, R, false},
		{"nested numeric", `{"detail":{"price":{"amount":[{"numeric":[">",100]}],"currency":["USD"]}}}`, R, true},
		{"doc exercise: open orders above 100 USD", `{"source":["com.mycompany.myapp"],"detail":{"status":["OPEN"],"price":{"amount":[{"numeric":[">",100]}],"currency":["USD"]}}}`, R, true},

		// Arrays in the event.
		{"array contains value", `{"detail":{"tags":["b"]}}`, R, true},
		{"array lacks value", `{"detail":{"tags":["c"]}}`, R, false},
		{"array any of several", `{"detail":{"tags":["z","a"]}}`, R, true},
		{"array of objects field", `{"detail":{"items":{"sku":["Y"]}}}`, R, true},
		{"array of objects same element", `{"detail":{"items":{"sku":["X"],"qty":[2]}}}`, R, true},
		{"array of objects fields from different elements", `{"detail":{"items":{"sku":["X"],"qty":[0]}}}`, R, false},
		{"array of objects numeric", `{"detail":{"items":{"qty":[{"numeric":[">",1]}]}}}`, R, true},
		{"empty array matches nothing", `{"detail":{"empty":["x"]}}`, R, false},
		{"empty array does not exist", `{"detail":{"empty":[{"exists":true}]}}`, R, false},
		{"prefix inside array", `{"detail":{"tags":[{"prefix":"b"}]}}`, R, true},
		{"anything-but on array: some element differs", `{"detail":{"tags":[{"anything-but":"a"}]}}`, R, true},
		{"anything-but on array: all excluded", `{"detail":{"tags":[{"anything-but":["a","b"]}]}}`, R, false},
		{"exists true on array", `{"detail":{"tags":[{"exists":true}]}}`, R, true},
		{"top-level resources prefix", `{"resources":[{"prefix":"arn:aws:ec2:"}]}`, E, true},

		// prefix / suffix / equals-ignore-case / wildcard.
		{"prefix miss", `{"detail":{"Region":[{"prefix":"eu-"}]}}`, R, false},
		{"prefix empty matches any string", `{"detail":{"LastName":[{"prefix":""}]}}`, R, true},
		{"prefix on number", `{"detail":{"c-count":[{"prefix":"5"}]}}`, R, false},
		{"prefix is case-sensitive", `{"detail":{"Region":[{"prefix":"US-"}]}}`, R, false},
		{"prefix ignore case miss", `{"detail":{"service":[{"prefix":{"equals-ignore-case":"lambda"}}]}}`, R, false},
		{"suffix miss", `{"detail":{"FileName":[{"suffix":".jpg"}]}}`, R, false},
		{"suffix is case-sensitive", `{"detail":{"FileName":[{"suffix":".PNG"}]}}`, R, false},
		{"equals-ignore-case miss", `{"detail":{"status":[{"equals-ignore-case":"closed"}]}}`, R, false},
		{"equals-ignore-case nested", `{"detail":{"status":[{"equals-ignore-case":"open"}]}}`, R, true},
		{"wildcard star suffix", `{"detail":{"FileName":[{"wildcard":"*.png"}]}}`, R, true},
		{"wildcard middle", `{"detail":{"FileName":[{"wildcard":"ph*png"}]}}`, R, true},
		{"wildcard miss", `{"detail":{"FileName":[{"wildcard":"*.jpg"}]}}`, R, false},
		{"wildcard no star is exact", `{"detail":{"FileName":[{"wildcard":"photo.png"}]}}`, R, true},
		{"wildcard escaped star is literal", `{"detail":{"FileName":[{"wildcard":"photo\\*png"}]}}`, R, false},
		{"wildcard many stars", `{"detail":{"EventBusArn":[{"wildcard":"arn:*:events:*:*:event-bus/ord*"}]}}`, R, true},
		{"wildcard is case-sensitive", `{"detail":{"FileName":[{"wildcard":"*.PNG"}]}}`, R, false},

		// anything-but.
		{"anything-but single number", `{"detail":{"c-count":[{"anything-but":5}]}}`, R, false},
		{"anything-but number vs other number", `{"detail":{"c-count":[{"anything-but":6}]}}`, R, true},
		{"anything-but missing field", `{"detail":{"nope":[{"anything-but":"x"}]}}`, R, false},
		{"anything-but on null", `{"detail":{"responseElements":[{"anything-but":"x"}]}}`, R, false},
		{"anything-but prefix miss", `{"detail":{"Region":[{"anything-but":{"prefix":"eu-"}}]}}`, R, true},
		{"anything-but suffix miss", `{"detail":{"FileName":[{"anything-but":{"suffix":".jpg"}}]}}`, R, true},
		{"anything-but ignore case list", `{"detail":{"state":[{"anything-but":{"equals-ignore-case":["STOPPED","Pending"]}}]}}`, R, true},
		{"anything-but wildcard miss", `{"detail":{"FilePath":[{"anything-but":{"wildcard":"*/bin/*"}}]}}`, R, true},

		// numeric.
		{"numeric >", `{"detail":{"c-count":[{"numeric":[">",4]}]}}`, R, true},
		{"numeric > boundary", `{"detail":{"c-count":[{"numeric":[">",5]}]}}`, R, false},
		{"numeric >= boundary", `{"detail":{"c-count":[{"numeric":[">=",5]}]}}`, R, true},
		{"numeric < boundary", `{"detail":{"c-count":[{"numeric":["<",5]}]}}`, R, false},
		{"numeric <= boundary", `{"detail":{"c-count":[{"numeric":["<=",5]}]}}`, R, true},
		{"numeric = miss", `{"detail":{"c-count":[{"numeric":["=",6]}]}}`, R, false},
		{"numeric range outside", `{"detail":{"x-limit":[{"numeric":[">",0,"<",300]}]}}`, R, false},
		{"numeric negative", `{"detail":{"neg":[{"numeric":["<",0]}]}}`, R, true},
		{"numeric on string", `{"detail":{"status":[{"numeric":[">",0]}]}}`, R, false},
		{"numeric near the limit", `{"detail":{"big":[{"numeric":[">",4.9e9]}]}}`, R, true},
		{"numeric or exact", `{"detail":{"c-count":[{"numeric":[">",100]},5]}}`, R, true},

		// exists.
		{"exists true on null", `{"detail":{"responseElements":[{"exists":true}]}}`, R, true},
		{"exists true on object (not a leaf)", `{"detail":{"price":[{"exists":true}]}}`, R, false},
		{"exists false on object (not a leaf)", `{"detail":{"price":[{"exists":false}]}}`, R, true},
		{"exists false below a missing parent", `{"detail":{"ghost":{"child":[{"exists":false}]}}}`, R, true},
		{"exists true below a missing parent", `{"detail":{"ghost":{"child":[{"exists":true}]}}}`, R, false},
		{"exists false with another field", `{"source":["com.mycompany.myapp"],"detail":{"ghost":[{"exists":false}]}}`, R, true},

		// cidr.
		{"cidr /32", `{"detail":{"sourceIPAddress":[{"cidr":"10.0.0.255/32"}]}}`, R, true},
		{"cidr /8", `{"detail":{"sourceIPAddress":[{"cidr":"10.0.0.0/8"}]}}`, R, true},
		{"cidr on non-IP", `{"detail":{"status":[{"cidr":"10.0.0.0/8"}]}}`, R, false},
		{"cidr IPv6", `{"detail":{"ipv6":[{"cidr":"2001:db8::/32"}]}}`, R, true},
		{"cidr IPv6 miss", `{"detail":{"ipv6":[{"cidr":"2001:db9::/32"}]}}`, R, false},

		// $or.
		{"$or top-level first alternative", `{"$or":[{"source":["com.mycompany.myapp"]},{"source":["aws.s3"]}]}`, R, true},
		{"$or top-level none", `{"$or":[{"source":["aws.sqs"]},{"detail-type":["Other"]}]}`, R, false},
		{"$or with sibling field", `{"source":["com.mycompany.myapp"],"$or":[{"detail":{"status":["CLOSED"]}},{"detail":{"flag":[true]}}]}`, R, true},
		{"$or sibling field fails", `{"source":["aws.ec2"],"$or":[{"detail":{"status":["OPEN"]}},{"detail":{"flag":[true]}}]}`, R, false},
		{"$or nested in detail", `{"detail":{"$or":[{"status":["CLOSED"]},{"state":["running"]}]}}`, R, true},
		{"$or with exists false", `{"detail":{"$or":[{"ghost":[{"exists":false}]},{"status":["X"]}]}}`, R, true},
		{"$or as a field name in event", `{"$or":[{"a":["1"]},{"b":["2"]}]}`, `{"a":"1"}`, true},
	}
}

func TestVectors(t *testing.T) {
	vs := vectors()
	if len(vs) < 100 {
		t.Fatalf("only %d vectors", len(vs))
	}
	for _, v := range vs {
		t.Run(v.name, func(t *testing.T) {
			got, why, err := Match([]byte(v.pattern), []byte(v.event))
			if err != nil {
				t.Fatalf("Match: %v", err)
			}
			if got != v.match {
				t.Fatalf("match = %v, want %v (why: %s)", got, v.match, why)
			}
			if why == "" {
				t.Fatal("no reason given")
			}
		})
	}
}

func TestInvalidPatterns(t *testing.T) {
	tests := []struct {
		pattern string
		reason  string
		line    int
		col     int
	}{
		{`{"source":"aws.ec2"}`, `"source" must be an object or an array`, 1, 11},
		{`{"source":[]}`, "Empty arrays are not allowed", 1, 11},
		{`[]`, "Event pattern must be a JSON object", 1, 1},
		{`{}`, "at least one field", 1, 1},
		{`{"a":[{"prefixx":"x"}]}`, "Unrecognized match type prefixx", 1, 8},
		{`{"a":[{"prefix":1}]}`, "prefix match pattern must be a string", 1, 17},
		{`{"a":[{"suffix":true}]}`, "suffix match pattern must be a string", 1, 17},
		{`{"a":[{"prefix":"x","suffix":"y"}]}`, "Only one key allowed in match expression", 1, 7},
		{`{"a":[{"exists":"yes"}]}`, "exists match pattern must be either true or false.", 1, 17},
		{`{"a":[{"numeric":5}]}`, "Value of numeric must be an array.", 1, 18},
		{`{"a":[{"numeric":[">"]}]}`, "Value of > must be a number", 1, 19},
		{`{"a":[{"numeric":["~",1]}]}`, "Unrecognized numeric range operator: ~", 1, 19},
		{`{"a":[{"numeric":[">",5,"<",1]}]}`, "Bottom must be less than top", 1, 18},
		{`{"a":[{"numeric":[">",1,">",2]}]}`, "lower bound is given twice", 1, 25},
		{`{"a":[{"numeric":[">",6e9]}]}`, "between -5.0E9 and 5.0E9", 1, 23},
		{`{"a":[{"cidr":"10.0.0.0/33"}]}`, "Nonstandard IP address: 10.0.0.0/33", 1, 15},
		{`{"a":[{"anything-but":null}]}`, "Value of anything-but must be an array or single string/number value.", 1, 23},
		{`{"a":[{"anything-but":[true]}]}`, "Inside anything but list, start|null|boolean is not supported.", 1, 24},
		{`{"a":[{"anything-but":{"numeric":[">",1]}}]}`, "Unsupported anything-but pattern: numeric", 1, 24},
		{`{"a":[{"anything-but":{"prefix":""}}]}`, "Null prefix/suffix not allowed", 1, 33},
		{`{"a":[{"wildcard":"a**b"}]}`, "Consecutive wildcard characters at pos 2", 1, 19},
		{`{"a":[{"equals-ignore-case":5}]}`, "equals-ignore-case match pattern must be a string", 1, 29},
		{`{"a":[["x"]]}`, "Match value must be String, number, true, false, or null", 1, 7},
		{`{"$or":{"a":["x"]}}`, "Value of $or must be an array", 1, 8},
		{`{"$or":[{"a":["x"]}]}`, "at least 2", 1, 8},
		{`{"a":{}}`, "Empty objects are not allowed", 1, 6},
		{"{\n  \"source\": [\"a\"],\n  \"detail\": {\"x\": 5}\n}", `"x" must be an object or an array`, 3, 19},
		{`{"a":["x"]`, "Expected ',' or '}'", 1, 11},
		{`{"a":["x"]} x`, "Unexpected character after", 1, 13},
		{`{"a":[01]}`, "Invalid number", 1, 7},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			_, err := Compile([]byte(tt.pattern))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want *SyntaxError", err)
			}
			if !strings.Contains(se.Reason, tt.reason) {
				t.Errorf("reason = %q, want it to contain %q", se.Reason, tt.reason)
			}
			if se.Line != tt.line || se.Column != tt.col {
				t.Errorf("position = %d:%d, want %d:%d", se.Line, se.Column, tt.line, tt.col)
			}
			if !strings.HasPrefix(se.Error(), "Event pattern is not valid. Reason: ") {
				t.Errorf("message %q lacks EventBridge's prefix", se.Error())
			}
		})
	}
}

func TestExplainNames(t *testing.T) {
	ok, why, err := Match([]byte(`{"detail":{"price":{"amount":[{"numeric":[">",200]}]}}}`), []byte(richEvent))
	if err != nil || ok {
		t.Fatalf("ok=%v err=%v", ok, err)
	}
	want := "detail.price.amount: the value 150 does not match numeric > 200"
	if why != want {
		t.Errorf("why = %q, want %q", why, want)
	}
	_, why, _ = Match([]byte(`{"detail":{"nope":["x"]}}`), []byte(richEvent))
	if !strings.Contains(why, "detail.nope: the field is missing") {
		t.Errorf("why = %q", why)
	}
}

func TestRuleSet(t *testing.T) {
	rs := NewRuleSet()
	rs.Add("ec2", MustCompile(`{"source":["aws.ec2"]}`))
	rs.Add("app", MustCompile(`{"source":["com.mycompany.myapp"],"detail":{"status":["OPEN"]}}`))
	rs.Add("any-open", MustCompile(`{"detail":{"status":["OPEN"]}}`))
	rs.Add("prefix", MustCompile(`{"source":[{"prefix":"com."}]}`))
	rs.Add("by-type", MustCompile(`{"detail-type":["Order Placed"],"detail":{"flag":[true]}}`))
	rs.Add("other-type", MustCompile(`{"detail-type":["Order Shipped"]}`))
	ev, _ := ParseEvent([]byte(richEvent))
	got := fmt.Sprint(rs.MatchingRules(nil, ev))
	if got != "[app by-type any-open prefix]" {
		t.Errorf("matching = %s", got)
	}
	rs.Remove("app")
	rs.Add("any-open", MustCompile(`{"detail":{"status":["CLOSED"]}}`))
	rs.Remove("by-type")
	if got := fmt.Sprint(rs.MatchingRules(nil, ev)); got != "[prefix]" {
		t.Errorf("after remove/replace = %s", got)
	}
	if rs.Len() != 4 {
		t.Errorf("Len = %d", rs.Len())
	}
}

func FuzzCompile(f *testing.F) {
	for _, v := range vectors() {
		f.Add(v.pattern, v.event)
	}
	f.Add(`{"a":[{"wildcard":"\\"}]}`, `{"a":"\\"}`)
	f.Add(`{"a":{"b":{"c":[{"exists":false}]}}}`, `{"a":[1,{"b":[]}]}`)
	f.Fuzz(func(t *testing.T, pat, ev string) {
		p, err := Compile([]byte(pat))
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Line < 1 || se.Column < 1 || se.Offset > len(pat) {
				t.Fatalf("bad error %#v", err)
			}
			return
		}
		e, err := ParseEvent([]byte(ev))
		if err != nil {
			return
		}
		m := p.Matches(e)
		m2, why := p.Explain(e)
		if m != m2 || why == "" {
			t.Fatalf("Matches=%v Explain=%v %q", m, m2, why)
		}
	})
}

func FuzzWildcard(f *testing.F) {
	f.Add("a*b*c", "axxbyyc")
	f.Add("*", "")
	f.Add(`\*x`, "*x")
	f.Fuzz(func(t *testing.T, pat, s string) {
		if strings.Contains(pat, "**") {
			return
		}
		// Without stars or escapes the wildcard is an exact comparison.
		if !strings.ContainsAny(pat, `*\`) && wildcard(pat, s) != (pat == s) {
			t.Fatalf("wildcard(%q, %q)", pat, s)
		}
		if !strings.ContainsRune(pat, '\\') && strings.HasPrefix(pat, "*") && !strings.Contains(pat[1:], "*") && wildcard(pat, s) != strings.HasSuffix(s, pat[1:]) {
			t.Fatalf("suffix wildcard(%q, %q)", pat, s)
		}
	})
}
