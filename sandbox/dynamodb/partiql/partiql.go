// Package partiql parses the subset of PartiQL that DynamoDB accepts:
// SELECT, INSERT, UPDATE and DELETE on one table, with ? parameters.
// It only builds a syntax tree; the dynamodb package executes it.
package partiql

import (
	"fmt"
	"strconv"
	"strings"
)

// Kind is the statement kind.
type Kind int

// Statement kinds.
const (
	Select Kind = iota + 1
	Insert
	Update
	Delete
)

// Statement is one parsed statement.
type Statement struct {
	Kind       Kind
	Table      string
	Index      string // SELECT … FROM "table"."index"
	Projection []Path // nil means *
	Where      Expr   // nil when absent
	Value      Expr   // INSERT … VALUE
	Sets       []Assignment
	Removes    []Path
	Returning  string // e.g. "ALL OLD *", upper case
	Params     int    // number of ? placeholders
}

// Assignment is one SET path = value.
type Assignment struct {
	Path  Path
	Value Expr
}

// PathElem is a step of a path: an attribute or map key, or a list index.
type PathElem struct {
	Name    string
	Index   int
	IsIndex bool
}

// Path is a document path such as a.b[2].c.
type Path []PathElem

func (p Path) String() string {
	var b strings.Builder
	for i, e := range p {
		switch {
		case e.IsIndex:
			fmt.Fprintf(&b, "[%d]", e.Index)
		case i > 0:
			b.WriteString("." + e.Name)
		default:
			b.WriteString(e.Name)
		}
	}
	return b.String()
}

// Expr is an expression node.
type Expr interface{ exprPos() int }

// Literal is a constant: Kind is "S", "N", "BOOL", "NULL" or "MISSING".
type Literal struct {
	Pos  int
	Kind string
	Text string
	Bool bool
}

// Param is the N-th ? placeholder (0-based).
type Param struct {
	Pos int
	N   int
}

// PathExpr refers to an attribute.
type PathExpr struct {
	Pos  int
	Path Path
}

// Field is one key of a tuple literal.
type Field struct {
	Key   string
	Value Expr
}

// Tuple is {'k': v, …} (a map).
type Tuple struct {
	Pos    int
	Fields []Field
}

// List is [v, …].
type List struct {
	Pos   int
	Elems []Expr
}

// Bag is <<v, …>> (a set).
type Bag struct {
	Pos   int
	Elems []Expr
}

// Binary is L op R: AND, OR, =, <>, <, <=, >, >=, +, -.
type Binary struct {
	Pos  int
	Op   string
	L, R Expr
}

// Not is NOT X.
type Not struct {
	Pos int
	X   Expr
}

// Between is X BETWEEN Lo AND Hi.
type Between struct {
	Pos       int
	X, Lo, Hi Expr
}

// In is X IN [a, b] (or (a, b)).
type In struct {
	Pos  int
	X    Expr
	List []Expr
}

// Call is a function call such as begins_with(a, 'x').
type Call struct {
	Pos  int
	Name string
	Args []Expr
}

// Is is X IS [NOT] MISSING / NULL.
type Is struct {
	Pos  int
	X    Expr
	Not  bool
	What string // "MISSING" or "NULL"
}

func (e *Literal) exprPos() int  { return e.Pos }
func (e *Param) exprPos() int    { return e.Pos }
func (e *PathExpr) exprPos() int { return e.Pos }
func (e *Tuple) exprPos() int    { return e.Pos }
func (e *List) exprPos() int     { return e.Pos }
func (e *Bag) exprPos() int      { return e.Pos }
func (e *Binary) exprPos() int   { return e.Pos }
func (e *Not) exprPos() int      { return e.Pos }
func (e *Between) exprPos() int  { return e.Pos }
func (e *In) exprPos() int       { return e.Pos }
func (e *Call) exprPos() int     { return e.Pos }
func (e *Is) exprPos() int       { return e.Pos }

// SyntaxError reports where a statement stopped making sense.
type SyntaxError struct {
	Pos int // byte offset
	Msg string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("Statement wasn't well formed, can't be processed: %s at position %d", e.Msg, e.Pos+1)
}

type tkind int

const (
	tEOF tkind = iota
	tIdent
	tQuoted // "identifier"
	tString // 'string'
	tNumber
	tPunct
)

type token struct {
	kind tkind
	text string
	pos  int
}

func lex(src string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '-' && i+1 < len(src) && src[i+1] == '-':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '\'' || c == '"':
			var b strings.Builder
			j := i + 1
			closed := false
			for j < len(src) {
				if src[j] == c {
					if j+1 < len(src) && src[j+1] == c {
						b.WriteByte(c)
						j += 2
						continue
					}
					closed = true
					j++
					break
				}
				b.WriteByte(src[j])
				j++
			}
			if !closed {
				return nil, &SyntaxError{i, "unterminated quoted text"}
			}
			k := tString
			if c == '"' {
				k = tQuoted
			}
			toks = append(toks, token{k, b.String(), i})
			i = j
		case c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z'):
			j := i + 1
			for j < len(src) && (src[j] == '_' || src[j] == '$' || (src[j]|0x20 >= 'a' && src[j]|0x20 <= 'z') || (src[j] >= '0' && src[j] <= '9')) {
				j++
			}
			toks = append(toks, token{tIdent, src[i:j], i})
			i = j
		case c >= '0' && c <= '9' || (c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9'):
			j := i
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.') {
				j++
			}
			if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
				j++
				if j < len(src) && (src[j] == '+' || src[j] == '-') {
					j++
				}
				for j < len(src) && src[j] >= '0' && src[j] <= '9' {
					j++
				}
			}
			toks = append(toks, token{tNumber, src[i:j], i})
			i = j
		default:
			two := ""
			if i+1 < len(src) {
				two = src[i : i+2]
			}
			switch two {
			case "<=", ">=", "<>", "!=", "<<", ">>":
				toks = append(toks, token{tPunct, two, i})
				i += 2
				continue
			}
			if strings.IndexByte("()[]{},.:?=<>+-*", c) < 0 {
				return nil, &SyntaxError{i, fmt.Sprintf("Unexpected character %q", c)}
			}
			toks = append(toks, token{tPunct, string(c), i})
			i++
		}
	}
	return append(toks, token{tEOF, "<EOF>", len(src)}), nil
}

type parser struct {
	toks   []token
	pos    int
	params int
}

func (p *parser) peek() token { return p.toks[p.pos] }
func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tEOF {
		p.pos++
	}
	return t
}

func (p *parser) fail(msg string) {
	t := p.peek()
	panic(&SyntaxError{t.pos, fmt.Sprintf("%s; found %q", msg, t.text)})
}

func (p *parser) isKw(words ...string) bool {
	t := p.peek()
	if t.kind != tIdent {
		return false
	}
	for _, w := range words {
		if strings.EqualFold(t.text, w) {
			return true
		}
	}
	return false
}

func (p *parser) kw(w string) {
	if !p.isKw(w) {
		p.fail("Expected " + w)
	}
	p.next()
}

func (p *parser) isPunct(s string) bool {
	t := p.peek()
	return t.kind == tPunct && t.text == s
}

func (p *parser) punct(s string) {
	if !p.isPunct(s) {
		p.fail("Expected " + s)
	}
	p.next()
}

// Parse parses one statement. Errors are *SyntaxError.
func Parse(src string) (st *Statement, err error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*SyntaxError)
			if !ok {
				panic(r) // a parser bug, not bad input: let fuzzing see it
			}
			st, err = nil, se
		}
	}()
	st = p.statement()
	if p.peek().kind != tEOF {
		p.fail("Unexpected token after the end of the statement")
	}
	st.Params = p.params
	return st, nil
}

var reservedNames = map[string]bool{"SELECT": true, "FROM": true, "WHERE": true, "AND": true, "OR": true, "NOT": true,
	"SET": true, "REMOVE": true, "VALUE": true, "INTO": true, "BETWEEN": true, "IN": true, "IS": true, "MISSING": true, "NULL": true}

func (p *parser) statement() *Statement {
	switch {
	case p.isKw("SELECT"):
		p.next()
		st := &Statement{Kind: Select}
		if p.isPunct("*") {
			p.next()
		} else {
			for {
				st.Projection = append(st.Projection, p.path())
				if !p.isPunct(",") {
					break
				}
				p.next()
			}
		}
		p.kw("FROM")
		st.Table, st.Index = p.tableRef()
		if p.isKw("WHERE") {
			p.next()
			st.Where = p.expr()
		}
		return st
	case p.isKw("INSERT"):
		p.next()
		p.kw("INTO")
		st := &Statement{Kind: Insert}
		st.Table, st.Index = p.tableRef()
		if st.Index != "" {
			p.fail("INSERT cannot target an index")
		}
		p.kw("VALUE")
		st.Value = p.primary()
		return st
	case p.isKw("UPDATE"):
		p.next()
		st := &Statement{Kind: Update}
		st.Table, st.Index = p.tableRef()
		for p.isKw("SET", "REMOVE") {
			if p.isKw("SET") {
				p.next()
				for {
					path := p.path()
					p.punct("=")
					st.Sets = append(st.Sets, Assignment{path, p.additive()})
					if !p.isPunct(",") {
						break
					}
					p.next()
				}
			} else {
				p.next()
				for {
					st.Removes = append(st.Removes, p.path())
					if !p.isPunct(",") {
						break
					}
					p.next()
				}
			}
		}
		if len(st.Sets) == 0 && len(st.Removes) == 0 {
			p.fail("Expected SET or REMOVE")
		}
		p.kw("WHERE")
		st.Where = p.expr()
		st.Returning = p.returning()
		return st
	case p.isKw("DELETE"):
		p.next()
		p.kw("FROM")
		st := &Statement{Kind: Delete}
		st.Table, st.Index = p.tableRef()
		p.kw("WHERE")
		st.Where = p.expr()
		st.Returning = p.returning()
		return st
	}
	p.fail("Expected SELECT, INSERT, UPDATE or DELETE")
	return nil
}

func (p *parser) returning() string {
	if !p.isKw("RETURNING") {
		return ""
	}
	p.next()
	var words []string
	for i := 0; i < 2; i++ {
		t := p.next()
		if t.kind != tIdent {
			p.pos--
			p.fail("Expected ALL or MODIFIED, then OLD or NEW")
		}
		words = append(words, strings.ToUpper(t.text))
	}
	p.punct("*")
	r := strings.Join(words, " ")
	switch r {
	case "ALL OLD", "ALL NEW", "MODIFIED OLD", "MODIFIED NEW":
		return r + " *"
	}
	p.fail("Unsupported RETURNING clause " + r)
	return ""
}

func (p *parser) name() string {
	t := p.peek()
	switch t.kind {
	case tQuoted:
		p.next()
		return t.text
	case tIdent:
		if reservedNames[strings.ToUpper(t.text)] {
			p.fail("Expected a name")
		}
		p.next()
		return t.text
	}
	p.fail("Expected a name")
	return ""
}

func (p *parser) tableRef() (string, string) {
	table := p.name()
	if p.isPunct(".") {
		p.next()
		return table, p.name()
	}
	return table, ""
}

func (p *parser) path() Path {
	path := Path{{Name: p.name()}}
	for {
		switch {
		case p.isPunct("."):
			p.next()
			path = append(path, PathElem{Name: p.name()})
		case p.isPunct("["):
			p.next()
			t := p.next()
			n, err := strconv.Atoi(t.text)
			if t.kind != tNumber || err != nil || n < 0 {
				p.pos--
				p.fail("Expected a list index")
			}
			p.punct("]")
			path = append(path, PathElem{Index: n, IsIndex: true})
		default:
			return path
		}
	}
}

// expr: or
func (p *parser) expr() Expr {
	l := p.and()
	for p.isKw("OR") {
		pos := p.next().pos
		l = &Binary{pos, "OR", l, p.and()}
	}
	return l
}

func (p *parser) and() Expr {
	l := p.not()
	for p.isKw("AND") {
		pos := p.next().pos
		l = &Binary{pos, "AND", l, p.not()}
	}
	return l
}

func (p *parser) not() Expr {
	if p.isKw("NOT") {
		pos := p.next().pos
		return &Not{pos, p.not()}
	}
	return p.comparison()
}

func (p *parser) comparison() Expr {
	l := p.additive()
	t := p.peek()
	switch {
	case t.kind == tPunct && (t.text == "=" || t.text == "<>" || t.text == "!=" || t.text == "<" || t.text == "<=" || t.text == ">" || t.text == ">="):
		p.next()
		op := t.text
		if op == "!=" {
			op = "<>"
		}
		return &Binary{t.pos, op, l, p.additive()}
	case p.isKw("BETWEEN"):
		p.next()
		lo := p.additive()
		p.kw("AND")
		return &Between{t.pos, l, lo, p.additive()}
	case p.isKw("IN"):
		p.next()
		closeTok := "]"
		if p.isPunct("(") {
			closeTok = ")"
			p.next()
		} else {
			p.punct("[")
		}
		in := &In{Pos: t.pos, X: l}
		for {
			in.List = append(in.List, p.additive())
			if !p.isPunct(",") {
				break
			}
			p.next()
		}
		p.punct(closeTok)
		return in
	case p.isKw("IS"):
		p.next()
		is := &Is{Pos: t.pos, X: l}
		if p.isKw("NOT") {
			p.next()
			is.Not = true
		}
		switch {
		case p.isKw("MISSING"):
			is.What = "MISSING"
		case p.isKw("NULL"):
			is.What = "NULL"
		default:
			p.fail("Expected MISSING or NULL")
		}
		p.next()
		return is
	}
	return l
}

func (p *parser) additive() Expr {
	l := p.primary()
	for p.isPunct("+") || p.isPunct("-") {
		t := p.next()
		l = &Binary{t.pos, t.text, l, p.primary()}
	}
	return l
}

func (p *parser) primary() Expr {
	t := p.peek()
	switch t.kind {
	case tString:
		p.next()
		return &Literal{Pos: t.pos, Kind: "S", Text: t.text}
	case tNumber:
		p.next()
		return &Literal{Pos: t.pos, Kind: "N", Text: t.text}
	case tQuoted:
		return &PathExpr{t.pos, p.path()}
	case tIdent:
		switch strings.ToUpper(t.text) {
		case "TRUE", "FALSE":
			p.next()
			return &Literal{Pos: t.pos, Kind: "BOOL", Bool: strings.EqualFold(t.text, "true")}
		case "NULL":
			p.next()
			return &Literal{Pos: t.pos, Kind: "NULL"}
		case "MISSING":
			p.next()
			return &Literal{Pos: t.pos, Kind: "MISSING"}
		}
		if p.toks[p.pos+1].kind == tPunct && p.toks[p.pos+1].text == "(" {
			p.next()
			p.next()
			c := &Call{Pos: t.pos, Name: strings.ToLower(t.text)}
			if !p.isPunct(")") {
				for {
					c.Args = append(c.Args, p.additive())
					if !p.isPunct(",") {
						break
					}
					p.next()
				}
			}
			p.punct(")")
			return c
		}
		return &PathExpr{t.pos, p.path()}
	case tPunct:
		switch t.text {
		case "?":
			p.next()
			p.params++
			return &Param{t.pos, p.params - 1}
		case "-":
			p.next()
			n := p.next()
			if n.kind != tNumber {
				p.pos--
				p.fail("Expected a number")
			}
			return &Literal{Pos: t.pos, Kind: "N", Text: "-" + n.text}
		case "(":
			p.next()
			e := p.expr()
			p.punct(")")
			return e
		case "{":
			p.next()
			tu := &Tuple{Pos: t.pos}
			if !p.isPunct("}") {
				for {
					k := p.next()
					if k.kind != tString {
						p.pos--
						p.fail("Expected a quoted key")
					}
					p.punct(":")
					tu.Fields = append(tu.Fields, Field{k.text, p.additive()})
					if !p.isPunct(",") {
						break
					}
					p.next()
				}
			}
			p.punct("}")
			return tu
		case "[":
			p.next()
			l := &List{Pos: t.pos}
			if !p.isPunct("]") {
				for {
					l.Elems = append(l.Elems, p.additive())
					if !p.isPunct(",") {
						break
					}
					p.next()
				}
			}
			p.punct("]")
			return l
		case "<<":
			p.next()
			b := &Bag{Pos: t.pos}
			for {
				b.Elems = append(b.Elems, p.additive())
				if !p.isPunct(",") {
					break
				}
				p.next()
			}
			p.punct(">>")
			return b
		}
	}
	p.fail("Unexpected token")
	return nil
}
