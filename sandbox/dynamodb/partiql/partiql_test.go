package partiql

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		src    string
		kind   Kind
		table  string
		index  string
		params int
		proj   string
	}{
		{`SELECT * FROM "Orders"`, Select, "Orders", "", 0, ""},
		{`select a, b.c[2] from Orders."byStatus" where a = ? and b BETWEEN 1 AND 2`, Select, "Orders", "byStatus", 1, "a,b.c[2]"},
		{`INSERT INTO "T" VALUE {'id': ?, 'n': -1.5e3, 's': <<'a','b'>>, 'l': [1, {'x': true}], 'z': null}`, Insert, "T", "", 1, ""},
		{`UPDATE T SET a = a + ?, b.c = 'x' REMOVE d WHERE id = 'k' RETURNING ALL NEW *`, Update, "T", "", 1, ""},
		{`DELETE FROM "T" WHERE "id" = 'it''s' AND x IS NOT MISSING`, Delete, "T", "", 0, ""},
		{`SELECT * FROM T WHERE a IN [1, 2] OR NOT begins_with(b, 'x') -- comment`, Select, "T", "", 0, ""},
	}
	for _, c := range cases {
		st, err := Parse(c.src)
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		var proj []string
		for _, p := range st.Projection {
			proj = append(proj, p.String())
		}
		if st.Kind != c.kind || st.Table != c.table || st.Index != c.index || st.Params != c.params || strings.Join(proj, ",") != c.proj {
			t.Errorf("%s: got kind %d table %q index %q params %d proj %v", c.src, st.Kind, st.Table, st.Index, st.Params, proj)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ src, msg string }{
		{`SELEC * FROM T`, `Expected SELECT, INSERT, UPDATE or DELETE; found "SELEC" at position 1`},
		{`SELECT * FROM`, `Expected a name; found "<EOF>" at position 14`},
		{`UPDATE T WHERE a = 1`, `Expected SET or REMOVE; found "WHERE" at position 10`},
		{`SELECT * FROM T WHERE a = 'x`, `unterminated quoted text at position 27`},
		{`DELETE FROM T`, `Expected WHERE; found "<EOF>" at position 14`},
		{`SELECT * FROM T WHERE a = 1 b`, `Unexpected token after the end of the statement; found "b" at position 29`},
	}
	for _, c := range cases {
		_, err := Parse(c.src)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("%s: want SyntaxError, got %v", c.src, err)
		}
		if want := "Statement wasn't well formed, can't be processed: " + c.msg; err.Error() != want {
			t.Errorf("%s:\n got %s\nwant %s", c.src, err, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`SELECT * FROM "T" WHERE a = ?`, `INSERT INTO T VALUE {'a': [1, <<'x'>>]}`,
		`UPDATE T SET a = a - 1 REMOVE b[0] WHERE id = 'x' RETURNING MODIFIED OLD *`, `DELETE FROM T WHERE x IS MISSING`, `'`, `<<`, `{`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		st, err := Parse(src)
		if err == nil && st == nil {
			t.Fatal("nil statement without error")
		}
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Pos < 0 || se.Pos > len(src) {
				t.Fatalf("bad error %v", err)
			}
		}
	})
}
