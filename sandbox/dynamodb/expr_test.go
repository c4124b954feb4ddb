package dynamodb

import (
	"strings"
	"testing"
)

func testCtx() *exprCtx {
	return newExprCtx(ExprParams{
		ExpressionAttributeNames:  map[string]string{"#n": "name", "#a": "a"},
		ExpressionAttributeValues: Item{":v": S("x"), ":n": N("1"), ":l": L(S("y")), ":s": SS("p")},
	})
}

func TestParseConditionErrors(t *testing.T) {
	cases := []struct{ src, msg string }{
		{"", "Invalid ConditionExpression: The expression can not be empty;"},
		{"a = ", `Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "= "`},
		{"a = :v b", `Invalid ConditionExpression: Syntax error; token: "b", near: ":v b"`},
		{"a === :v", `Invalid ConditionExpression: Syntax error; token: "=", near: "==="`},
		{"(a = :v", `Invalid ConditionExpression: Syntax error; token: "<EOF>", near: ":v"`},
		{"a BETWEEN :n", `Invalid ConditionExpression: Syntax error; token: "<EOF>", near: ":n"`},
		{"size = :n", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: size"},
		{"begins_with(a)", "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1"},
		{"attribute_exists(:v)", "Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists"},
		{"attribute_type(a, :n)", "Invalid ConditionExpression: Invalid attribute type name found; type: 1, valid types: { B, NULL, SS, BOOL, L, BS, N, NS, S, M }"},
		{"if_not_exists(a, :v)", "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: if_not_exists"},
		{"a = :zz", "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :zz"},
		{"#zz = :v", "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #zz"},
		{"a BETWEEN :n AND :m", "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :m"},
		{"a[x] = :v", `Invalid ConditionExpression: Syntax error; token: "x", near: "[x]"`},
		{"a € :v", `Invalid ConditionExpression: Syntax error; token: "€", near: "a € :v"`},
	}
	for _, c := range cases {
		_, err := parseCondition("ConditionExpression", c.src, testCtx())
		if err == nil || err.Message != c.msg {
			t.Errorf("%q:\n got %v\nwant %s", c.src, err, c.msg)
		}
	}
}

func TestEvalConditions(t *testing.T) {
	item := Item{"name": S("ann"), "a": N("5"), "l": L(S("y"), N("2")), "m": M(Item{"k": SS("p", "q")}), "b": B([]byte("xyz"))}
	cases := []struct {
		src  string
		want bool
	}{
		{"#n = :v", false},
		{"#n <> :v", true},
		{"#a > :n AND #a >= :n", true},
		{"a BETWEEN :n AND :n", false},
		{"contains(l, :v)", false},
		{"contains(m.k, :v)", false},
		{"attribute_exists(m.k) AND attribute_not_exists(m.z)", true},
		{"attribute_type(l, :t)", true},
		{"size(l) = :two", true},
		{"size(m.k) > :n", true},
		{"nope <> :v", true},
		{"nope = :v", false},
		{"a IN (:n, :five)", true},
		{"NOT a IN (:n)", true},
		{"l[0] = :y OR l[9] = :y", true},
		{"begins_with(#n, :an)", true},
	}
	for _, c := range cases {
		ctx := newExprCtx(ExprParams{
			ExpressionAttributeNames:  map[string]string{"#n": "name", "#a": "a"},
			ExpressionAttributeValues: Item{":v": S("x"), ":n": N("1"), ":two": N("2"), ":t": S("L"), ":five": N("5"), ":y": S("y"), ":an": S("an")},
		})
		cd, err := parseCondition("ConditionExpression", c.src, ctx)
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		if got := evalCond(item, cd); got != c.want {
			t.Errorf("%s = %v, want %v", c.src, got, c.want)
		}
	}
}

func TestParseUpdateErrors(t *testing.T) {
	cases := []struct{ src, msg string }{
		{"SET a = :v SET b = :v", `Invalid UpdateExpression: The "SET" section can only be used once in an update expression;`},
		{"SET a :v", `Invalid UpdateExpression: Syntax error; token: ":v", near: "a :v"`},
		{"PUT a = :v", `Invalid UpdateExpression: Syntax error; token: "PUT", near: "PUT a"`},
		{"ADD a b", `Invalid UpdateExpression: Syntax error; token: "b", near: "a b"`},
		{"SET a = size(b)", "Invalid UpdateExpression: The function is not allowed in an update expression; function: size"},
		{"SET a = if_not_exists(:v, :v)", "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists"},
		{"SET a = :v, a.b = :v", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]"},
		{"REMOVE", `Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "REMOVE"`},
	}
	for _, c := range cases {
		_, err := parseUpdate(c.src, testCtx())
		if err == nil || err.Message != c.msg {
			t.Errorf("%q:\n got %v\nwant %s", c.src, err, c.msg)
		}
	}
}

func TestApplyUpdate(t *testing.T) {
	old := Item{"id": S("k"), "n": N("1"), "l": L(N("0"), N("1"), N("2")), "m": M(Item{"a": S("x")}), "s": NS("1", "2")}
	cases := []struct {
		src  string
		want string
		err  string
	}{
		{"SET n = n + :n", `{"id":{"S":"k"},"l":{"L":[{"N":"0"},{"N":"1"},{"N":"2"}]},"m":{"M":{"a":{"S":"x"}}},"n":{"N":"2"},"s":{"NS":["1","2"]}}`, ""},
		{"REMOVE l[0], l[2], m.a", `{"id":{"S":"k"},"l":{"L":[{"N":"1"}]},"m":{"M":{}},"n":{"N":"1"},"s":{"NS":["1","2"]}}`, ""},
		{"SET l[10] = :n", `{"id":{"S":"k"},"l":{"L":[{"N":"0"},{"N":"1"},{"N":"2"},{"N":"1"}]},"m":{"M":{"a":{"S":"x"}}},"n":{"N":"1"},"s":{"NS":["1","2"]}}`, ""},
		{"ADD s :ns DELETE n :ns", "", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: N"},
		{"ADD s :ns", `{"id":{"S":"k"},"l":{"L":[{"N":"0"},{"N":"1"},{"N":"2"}]},"m":{"M":{"a":{"S":"x"}}},"n":{"N":"1"},"s":{"NS":["1","2","3"]}}`, ""},
		{"SET x = nope", "", "The provided expression refers to an attribute that does not exist in the item"},
		{"SET n = m - :n", "", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: -, operand type: M"},
		{"SET l = list_append(:n, l)", "", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: N"},
	}
	for _, c := range cases {
		ctx := newExprCtx(ExprParams{ExpressionAttributeValues: Item{":n": N("1"), ":ns": NS("3")}})
		acts, err := parseUpdate(c.src, ctx)
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		nu, err := applyUpdate(old, Item{"id": S("k")}, acts)
		got, msg := "", ""
		if err != nil {
			msg = err.Message
		} else {
			got = string(MarshalItem(nu))
		}
		if got != c.want || msg != c.err {
			t.Errorf("%s:\n got %s %s\nwant %s %s", c.src, got, msg, c.want, c.err)
		}
	}
	if string(MarshalItem(old)) != `{"id":{"S":"k"},"l":{"L":[{"N":"0"},{"N":"1"},{"N":"2"}]},"m":{"M":{"a":{"S":"x"}}},"n":{"N":"1"},"s":{"NS":["1","2"]}}` {
		t.Fatal("applyUpdate modified the stored item")
	}
}

func TestProjection(t *testing.T) {
	item := Item{"a": M(Item{"b": L(S("0"), S("1"), S("2")), "c": S("c")}), "d": S("d"), "l": L(M(Item{"x": N("1"), "y": N("2"), "z": N("3")}))}
	cases := []struct{ src, want string }{
		{"d", `{"d":{"S":"d"}}`},
		{"a.b[2], a.b[0]", `{"a":{"M":{"b":{"L":[{"S":"0"},{"S":"2"}]}}}}`},
		{"l[0].x, l[0].y, l[5]", `{"l":{"L":[{"M":{"x":{"N":"1"},"y":{"N":"2"}}}]}}`},
		{"a.c, nope", `{"a":{"M":{"c":{"S":"c"}}}}`},
	}
	for _, c := range cases {
		paths, err := parseProjection(c.src, newExprCtx(ExprParams{}))
		if err != nil {
			t.Fatal(err)
		}
		if got := string(MarshalItem(project(item, paths))); got != c.want {
			t.Errorf("%s: %s, want %s", c.src, got, c.want)
		}
	}
	if _, err := parseProjection("a, a.b", newExprCtx(ExprParams{})); err == nil || !strings.Contains(err.Message, "overlap") {
		t.Errorf("overlap not reported: %v", err)
	}
}

// Fuzz tests: parsers must never panic and must either succeed or fail
// with a ValidationException naming the expression kind.

var fuzzParams = ExprParams{
	ExpressionAttributeNames:  map[string]string{"#a": "a", "#b": "b"},
	ExpressionAttributeValues: Item{":v": S("x"), ":n": N("1"), ":l": L(S("y")), ":s": SS("p")},
}

func fuzzCtx() *exprCtx {
	p := fuzzParams
	return newExprCtx(p)
}

func checkFuzzErr(t *testing.T, what string, err *Error) {
	if err != nil && strings.Contains(err.Message, "could not be parsed") {
		t.Fatalf("the parser panicked: %v", err)
	}
	if err != nil && (err.Type != "ValidationException" || !strings.HasPrefix(err.Message, "Invalid "+what)) {
		t.Fatalf("unexpected error %v", err)
	}
}

func FuzzCondition(f *testing.F) {
	for _, s := range []string{"a = :v", "attribute_exists(#a) AND NOT (b.c[1] BETWEEN :n AND :n)", "a IN (:v, :n) OR size(#b) > :n",
		"begins_with(a, :v)", "contains(a, :s)", "((a = :v))", "a <> :v", "attribute_type(a, :v)", "a[", "#", ":", "NOT NOT a = :v"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		c, err := parseCondition("ConditionExpression", src, fuzzCtx())
		checkFuzzErr(t, "ConditionExpression", err)
		if err == nil {
			evalCond(Item{"a": S("x"), "b": L(M(Item{"c": N("1")}))}, c)
		}
	})
}

func FuzzUpdate(f *testing.F) {
	for _, s := range []string{"SET a = :v", "SET a = if_not_exists(a, :n) + :n, b = list_append(:l, b) REMOVE c ADD d :n DELETE e :s",
		"REMOVE a[0], b.c", "SET #a.#b[2] = :v", "SET a = a - :n", "ADD", "SET a = :v,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		acts, err := parseUpdate(src, fuzzCtx())
		checkFuzzErr(t, "UpdateExpression", err)
		if err == nil {
			applyUpdate(Item{"a": N("1"), "b": L(S("x")), "e": SS("p")}, Item{"id": S("k")}, acts)
		}
	})
}

func FuzzProjection(f *testing.F) {
	for _, s := range []string{"a", "a.b[1], #a", "a[0][1].c", "a,", "[0]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		paths, err := parseProjection(src, fuzzCtx())
		checkFuzzErr(t, "ProjectionExpression", err)
		if err == nil {
			project(Item{"a": L(M(Item{"b": S("x")}))}, paths)
		}
	})
}

func FuzzKeyCondition(f *testing.F) {
	for _, s := range []string{"a = :v", "a = :v AND b BETWEEN :n AND :n", "a = :v AND begins_with(b, :n)", ":v = a", "a = :v OR b = :n"} {
		f.Add(s)
	}
	s := keySchema{hash: keyAttr{"a", KindS}, rng: keyAttr{"b", KindN}, hasRng: true}
	f.Fuzz(func(t *testing.T, src string) {
		c, err := parseCondition("KeyConditionExpression", src, fuzzCtx())
		checkFuzzErr(t, "KeyConditionExpression", err)
		if err == nil {
			if _, err := analyseKeyCond(c, s); err != nil && err.Type != "ValidationException" {
				t.Fatal(err)
			}
		}
	})
}

func FuzzNumber(f *testing.F) {
	for _, s := range []string{"0", "-1.5e10", "1E-130", ".5", "9.9999999999999999999999999999999999999E+125", "1e", "--1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := canonicalNumber(s)
		if err != nil {
			return
		}
		// Canonical text is a fixed point and compares equal to the input.
		c2, err := canonicalNumber(c)
		if err != nil || c2 != c || compareNumbers(c, s) != 0 {
			t.Fatalf("%q -> %q -> %q (%v)", s, c, c2, err)
		}
	})
}

func TestExpressionSizeLimit(t *testing.T) {
	src := "a = :v" + strings.Repeat(" ", 4096)
	_, err := parseCondition("FilterExpression", src, testCtx())
	if err == nil || err.Message != "Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 4102" {
		t.Fatalf("got %v", err)
	}
}
