package dynamodb

import (
	"fmt"
	"strconv"
	"strings"
)

// This file holds the hand-written lexer and recursive-descent parser for
// DynamoDB's expression languages: condition/filter/key-condition,
// projection and update expressions. Names (#n) and values (:v) are
// resolved while parsing, so evaluation never looks at the maps again and
// unused entries can be reported as DynamoDB reports them.

type tokKind uint8

const (
	tEOF tokKind = iota
	tIdent
	tName  // #name
	tValue // :value
	tNumber
	tPunct
)

type token struct {
	kind       tokKind
	text       string
	start, end int
}

// lex splits an expression into tokens; an unknown character becomes a
// punctuation token the parser rejects as a syntax error at that spot.
func lex(src string) []token {
	var toks []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '#' || c == ':':
			j := i + 1
			for j < len(src) && isIdentChar(src[j]) {
				j++
			}
			k := tName
			if c == ':' {
				k = tValue
			}
			toks = append(toks, token{k, src[i:j], i, j})
			i = j
		case isIdentStart(c):
			j := i + 1
			for j < len(src) && isIdentChar(src[j]) {
				j++
			}
			toks = append(toks, token{tIdent, src[i:j], i, j})
			i = j
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(src) && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			toks = append(toks, token{tNumber, src[i:j], i, j})
			i = j
		case c == '<' && i+1 < len(src) && (src[i+1] == '=' || src[i+1] == '>'):
			toks = append(toks, token{tPunct, src[i : i+2], i, i + 2})
			i += 2
		case c == '>' && i+1 < len(src) && src[i+1] == '=':
			toks = append(toks, token{tPunct, src[i : i+2], i, i + 2})
			i += 2
		default:
			// One rune, so a multi-byte character is reported whole.
			j := i + 1
			for j < len(src) && src[j]&0xC0 == 0x80 {
				j++
			}
			toks = append(toks, token{tPunct, src[i:j], i, j})
			i = j
		}
	}
	toks = append(toks, token{tEOF, "<EOF>", len(src), len(src)})
	return toks
}

func isIdentStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func isIdentChar(c byte) bool { return isIdentStart(c) || (c >= '0' && c <= '9') }

// pathElem is one step of a document path: a map key or a list index.
type pathElem struct {
	name  string
	index int
	isIdx bool
}

type docPath []pathElem

func (p docPath) String() string {
	parts := make([]string, len(p))
	for i, e := range p {
		if e.isIdx {
			parts[i] = "[" + strconv.Itoa(e.index) + "]"
		} else {
			parts[i] = e.name
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// operand kinds
type opKind uint8

const (
	opPath opKind = iota
	opValue
	opSize
	opIfNotExists
	opListAppend
	opPlus
	opMinus
)

type operand struct {
	kind opKind
	path docPath
	val  AttributeValue
	args []*operand
	text string // source text, for messages
}

type condKind uint8

const (
	cCompare condKind = iota
	cBetween
	cIn
	cFunc
	cAnd
	cOr
	cNot
)

type cond struct {
	kind     condKind
	op       string // comparator or function name
	operands []*operand
	sub      []*cond
	pos      int
}

// update actions
type updateAction struct {
	verb  string // SET, REMOVE, ADD, DELETE
	path  docPath
	value *operand
}

// exprCtx resolves #names and :values for all expressions of one request
// and records which were used.
type exprCtx struct {
	names      map[string]string
	values     Item
	usedNames  map[string]bool
	usedValues map[string]bool
}

func newExprCtx(p ExprParams) *exprCtx {
	return &exprCtx{names: p.ExpressionAttributeNames, values: p.ExpressionAttributeValues}
}

// validate checks the maps themselves before any expression is parsed.
func (c *exprCtx) validate(anyExpr bool) *Error {
	if c.names != nil && len(c.names) == 0 {
		return validationf("ExpressionAttributeNames must not be empty")
	}
	if c.values != nil && len(c.values) == 0 {
		return validationf("ExpressionAttributeValues must not be empty")
	}
	if !anyExpr {
		if c.names != nil {
			return validationf("ExpressionAttributeNames can only be specified when using expressions")
		}
		if c.values != nil {
			return validationf("ExpressionAttributeValues can only be specified when using expressions")
		}
	}
	for k := range c.names {
		if !validPlaceholder(k, '#') {
			return validationf("ExpressionAttributeNames contains invalid key: Syntax error; key: %q", k)
		}
	}
	for k := range c.values {
		if !validPlaceholder(k, ':') {
			return validationf("ExpressionAttributeValues contains invalid key: Syntax error; key: %q", k)
		}
	}
	for k, v := range c.values {
		if err := validateValue(&v, 1); err != nil {
			return &Error{Type: err.Type, Status: err.Status, Message: "ExpressionAttributeValues contains invalid value: " + err.Message + " for key " + k}
		}
		c.values[k] = v
	}
	return nil
}

// validPlaceholder reports whether k is prefix followed by one or more
// letters, digits or underscores.
func validPlaceholder(k string, prefix byte) bool {
	if len(k) < 2 || k[0] != prefix {
		return false
	}
	for i := 1; i < len(k); i++ {
		if !isIdentChar(k[i]) {
			return false
		}
	}
	return true
}

// checkUnused reports names and values nobody referred to, as DynamoDB does.
func (c *exprCtx) checkUnused() *Error {
	var un []string
	for k := range c.names {
		if !c.usedNames[k] {
			un = append(un, k)
		}
	}
	if len(un) > 0 {
		return validationf("Value provided in ExpressionAttributeNames unused in expressions: keys: {%s}", strings.Join(sortStrings(un), ", "))
	}
	for k := range c.values {
		if !c.usedValues[k] {
			un = append(un, k)
		}
	}
	if len(un) > 0 {
		return validationf("Value provided in ExpressionAttributeValues unused in expressions: keys: {%s}", strings.Join(sortStrings(un), ", "))
	}
	return nil
}

// parser is a recursive-descent parser over one expression's tokens.
type parser struct {
	what string // "ConditionExpression", … for messages
	src  string
	toks []token
	pos  int
	ctx  *exprCtx
	err  *Error
}

// maxExprSize is DynamoDB's 4 KB limit on one expression.
const maxExprSize = 4096

func checkExprSize(what, src string) *Error {
	if len(src) > maxExprSize {
		return validationf("Invalid %s: Expression size has exceeded the maximum allowed size; expression size: %d", what, len(src))
	}
	return nil
}

func newParser(what, src string, ctx *exprCtx) *parser {
	return &parser{what: what, src: src, toks: lex(src), ctx: ctx}
}

func (p *parser) peek() token { return p.toks[p.pos] }

func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tEOF {
		p.pos++
	}
	return t
}

// fail records the first error; parsing unwinds by checking p.err.
func (p *parser) fail(e *Error) {
	if p.err == nil {
		p.err = e
	}
}

func (p *parser) failf(format string, args ...any) {
	p.fail(validationf("Invalid %s: %s", p.what, fmt.Sprintf(format, args...)))
}

// syntaxError reports the current token and the text around it, in
// DynamoDB's words: `Syntax error; token: "x", near: "a x b"`.
func (p *parser) syntaxError() {
	t := p.toks[p.pos]
	start := t.start
	if p.pos > 0 {
		start = p.toks[p.pos-1].start
	}
	end := t.end
	if t.kind != tEOF && p.pos+1 < len(p.toks) && p.toks[p.pos+1].kind != tEOF {
		end = p.toks[p.pos+1].end
	}
	p.failf("Syntax error; token: %q, near: %q", t.text, p.src[start:end])
}

func (p *parser) isKeyword(word string) bool {
	t := p.peek()
	return t.kind == tIdent && strings.EqualFold(t.text, word)
}

func (p *parser) accept(punct string) bool {
	t := p.peek()
	if t.kind == tPunct && t.text == punct {
		p.pos++
		return true
	}
	return false
}

func (p *parser) expect(punct string) bool {
	if p.accept(punct) {
		return true
	}
	p.syntaxError()
	return false
}

func (p *parser) atEnd() bool { return p.peek().kind == tEOF }

// nameElem resolves an identifier or #name.
func (p *parser) nameElem() (string, bool) {
	t := p.peek()
	switch t.kind {
	case tIdent:
		if reservedWords[strings.ToUpper(t.text)] {
			p.failf("Attribute name is a reserved keyword; reserved keyword: %s", t.text)
			return "", false
		}
		p.pos++
		return t.text, true
	case tName:
		p.pos++
		n, ok := p.ctx.names[t.text]
		if !ok {
			p.failf("An expression attribute name used in the document path is not defined; attribute name: %s", t.text)
			return "", false
		}
		if p.ctx.usedNames == nil {
			p.ctx.usedNames = map[string]bool{}
		}
		p.ctx.usedNames[t.text] = true
		return n, true
	}
	p.syntaxError()
	return "", false
}

// path parses a document path: name ( .name | [n] )*.
func (p *parser) path() (docPath, bool) {
	n, ok := p.nameElem()
	if !ok {
		return nil, false
	}
	path := docPath{{name: n}}
	for {
		switch {
		case p.accept("."):
			n, ok := p.nameElem()
			if !ok {
				return nil, false
			}
			path = append(path, pathElem{name: n})
		case p.accept("["):
			t := p.peek()
			if t.kind != tNumber {
				p.syntaxError()
				return nil, false
			}
			p.pos++
			i, err := strconv.Atoi(t.text)
			if err != nil {
				p.failf("List index is out of range; index: %s", t.text)
				return nil, false
			}
			if !p.expect("]") {
				return nil, false
			}
			path = append(path, pathElem{index: i, isIdx: true})
		default:
			if len(path) > maxNesting {
				p.failf("The document path has too many nesting levels; nesting levels: %d", len(path))
				return nil, false
			}
			return path, true
		}
	}
}

func (p *parser) value() (*operand, bool) {
	t := p.next()
	v, ok := p.ctx.values[t.text]
	if !ok {
		p.failf("An expression attribute value used in expression is not defined; attribute value: %s", t.text)
		return nil, false
	}
	if p.ctx.usedValues == nil {
		p.ctx.usedValues = map[string]bool{}
	}
	p.ctx.usedValues[t.text] = true
	return &operand{kind: opValue, val: v, text: t.text}, true
}

// operand parses a path, a :value or size(path) in a condition.
func (p *parser) operand() (*operand, bool) {
	t := p.peek()
	start := t.start
	switch {
	case t.kind == tValue:
		return p.value()
	case t.kind == tIdent && p.toks[p.pos+1].kind == tPunct && p.toks[p.pos+1].text == "(":
		if t.text != "size" {
			if isFunction(t.text) {
				p.failf("The function is not allowed to be used this way in an expression; function: %s", t.text)
			} else {
				p.failf("Invalid function name; function: %s", t.text)
			}
			return nil, false
		}
		p.pos += 2
		arg, ok := p.operand()
		if !ok {
			return nil, false
		}
		if arg.kind != opPath {
			p.failf("Incorrect operand type for operator or function; operator or function: size, operand type: %s", arg.val.Kind)
			return nil, false
		}
		if !p.expect(")") {
			return nil, false
		}
		return &operand{kind: opSize, args: []*operand{arg}, text: p.src[start:p.toks[p.pos-1].end]}, true
	case t.kind == tIdent || t.kind == tName:
		path, ok := p.path()
		if !ok {
			return nil, false
		}
		return &operand{kind: opPath, path: path, text: p.src[start:p.toks[p.pos-1].end]}, true
	}
	p.syntaxError()
	return nil, false
}

func isFunction(name string) bool {
	switch name {
	case "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size", "if_not_exists", "list_append":
		return true
	}
	return false
}

// condition parses: or := and (OR and)*.
func (p *parser) condition() *cond {
	left := p.andCond()
	for p.err == nil && p.isKeyword("OR") {
		pos := p.next().start
		right := p.andCond()
		left = &cond{kind: cOr, sub: []*cond{left, right}, pos: pos}
	}
	return left
}

func (p *parser) andCond() *cond {
	left := p.notCond()
	for p.err == nil && p.isKeyword("AND") {
		pos := p.next().start
		right := p.notCond()
		left = &cond{kind: cAnd, sub: []*cond{left, right}, pos: pos}
	}
	return left
}

func (p *parser) notCond() *cond {
	if p.err != nil {
		return nil
	}
	if p.isKeyword("NOT") {
		pos := p.next().start
		return &cond{kind: cNot, sub: []*cond{p.notCond()}, pos: pos}
	}
	return p.primary()
}

var conditionFuncs = map[string]int{ // name → argument count
	"attribute_exists": 1, "attribute_not_exists": 1, "attribute_type": 2, "begins_with": 2, "contains": 2,
}

func (p *parser) primary() *cond {
	if p.err != nil {
		return nil
	}
	t := p.peek()
	if p.accept("(") {
		c := p.condition()
		if p.err == nil {
			p.expect(")")
		}
		return c
	}
	if t.kind == tIdent && p.toks[p.pos+1].kind == tPunct && p.toks[p.pos+1].text == "(" && t.text != "size" {
		n, known := conditionFuncs[t.text]
		if !known {
			if isFunction(t.text) {
				p.failf("The function is not allowed to be used this way in an expression; function: %s", t.text)
			} else {
				p.failf("Invalid function name; function: %s", t.text)
			}
			return nil
		}
		p.pos += 2
		c := &cond{kind: cFunc, op: t.text, pos: t.start}
		for {
			o, ok := p.operand()
			if !ok {
				return nil
			}
			c.operands = append(c.operands, o)
			if !p.accept(",") {
				break
			}
		}
		if !p.expect(")") {
			return nil
		}
		if len(c.operands) != n {
			p.failf("Incorrect number of operands for operator or function; operator or function: %s, number of operands: %d", t.text, len(c.operands))
			return nil
		}
		if c.operands[0].kind != opPath {
			p.failf("Operator or function requires a document path; operator or function: %s", t.text)
			return nil
		}
		if t.text == "attribute_type" {
			tv := c.operands[1]
			if tv.kind != opValue || tv.val.Kind != KindS || !validTypeName(tv.val.Str) {
				typ := tv.val.Str
				p.failf("Invalid attribute type name found; type: %s, valid types: { B, NULL, SS, BOOL, L, BS, N, NS, S, M }", typ)
				return nil
			}
		}
		return c
	}
	left, ok := p.operand()
	if !ok {
		return nil
	}
	switch {
	case p.isKeyword("BETWEEN"):
		pos := p.next().start
		lo, ok := p.operand()
		if !ok {
			return nil
		}
		if !p.isKeyword("AND") {
			p.syntaxError()
			return nil
		}
		p.next()
		hi, ok := p.operand()
		if !ok {
			return nil
		}
		if lo.kind == opValue && hi.kind == opValue && lo.val.Kind == hi.val.Kind && isScalarKey(lo.val.Kind) && compareValues(lo.val, hi.val) > 0 {
			p.failf("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {%s:%s}, upper bound operand: AttributeValue: {%s:%s}", lo.val.Kind, lo.val.Str, hi.val.Kind, hi.val.Str)
			return nil
		}
		return &cond{kind: cBetween, operands: []*operand{left, lo, hi}, pos: pos}
	case p.isKeyword("IN"):
		pos := p.next().start
		if !p.expect("(") {
			return nil
		}
		c := &cond{kind: cIn, operands: []*operand{left}, pos: pos}
		for {
			o, ok := p.operand()
			if !ok {
				return nil
			}
			c.operands = append(c.operands, o)
			if !p.accept(",") {
				break
			}
		}
		if !p.expect(")") {
			return nil
		}
		if len(c.operands) > 101 {
			p.failf("The IN operator is provided with too many operands; number of operands: %d", len(c.operands)-1)
			return nil
		}
		return c
	}
	t = p.peek()
	if t.kind == tPunct {
		switch t.text {
		case "=", "<>", "<", "<=", ">", ">=":
			p.pos++
			right, ok := p.operand()
			if !ok {
				return nil
			}
			return &cond{kind: cCompare, op: t.text, operands: []*operand{left, right}, pos: t.start}
		}
	}
	p.syntaxError()
	return nil
}

func isScalarKey(k Kind) bool { return k == KindS || k == KindN || k == KindB }

func validTypeName(s string) bool {
	switch s {
	case "S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS":
		return true
	}
	return false
}

// safeParse runs fn and turns a panic (a parser bug) into a
// ValidationException so learner input can never crash the process.
func safeParse(what string, fn func()) (err *Error) {
	defer func() {
		if r := recover(); r != nil {
			err = validationf("Invalid %s: the expression could not be parsed", what)
		}
	}()
	fn()
	return nil
}

// parseCondition parses a ConditionExpression or FilterExpression (also
// the first step of a KeyConditionExpression).
func parseCondition(what, src string, ctx *exprCtx) (*cond, *Error) {
	if strings.TrimSpace(src) == "" {
		return nil, validationf("Invalid %s: The expression can not be empty;", what)
	}
	if err := checkExprSize(what, src); err != nil {
		return nil, err
	}
	p := newParser(what, src, ctx)
	var c *cond
	if err := safeParse(what, func() {
		c = p.condition()
		if p.err == nil && !p.atEnd() {
			p.syntaxError()
		}
	}); err != nil {
		return nil, err
	}
	if p.err != nil {
		return nil, p.err
	}
	return c, nil
}

// parseProjection parses a ProjectionExpression.
func parseProjection(src string, ctx *exprCtx) ([]docPath, *Error) {
	const what = "ProjectionExpression"
	if strings.TrimSpace(src) == "" {
		return nil, validationf("Invalid %s: The expression can not be empty;", what)
	}
	if err := checkExprSize(what, src); err != nil {
		return nil, err
	}
	p := newParser(what, src, ctx)
	var paths []docPath
	if err := safeParse(what, func() {
		for p.err == nil {
			path, ok := p.path()
			if !ok {
				return
			}
			paths = append(paths, path)
			if !p.accept(",") {
				break
			}
		}
		if p.err == nil && !p.atEnd() {
			p.syntaxError()
		}
	}); err != nil {
		return nil, err
	}
	if p.err != nil {
		return nil, p.err
	}
	if err := checkOverlap(what, paths); err != nil {
		return nil, err
	}
	return paths, nil
}

// checkOverlap rejects two paths where one contains the other.
func checkOverlap(what string, paths []docPath) *Error {
	for i := range paths {
		for j := i + 1; j < len(paths); j++ {
			a, b := paths[i], paths[j]
			n := min(len(a), len(b))
			same := true
			for k := 0; k < n; k++ {
				if a[k] != b[k] {
					same = false
					if a[k].isIdx != b[k].isIdx && k > 0 {
						return validationf("Invalid %s: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: %s, path two: %s", what, a, b)
					}
					break
				}
			}
			if same {
				return validationf("Invalid %s: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: %s, path two: %s", what, a, b)
			}
		}
	}
	return nil
}

// parseUpdate parses an UpdateExpression into its actions in order.
func parseUpdate(src string, ctx *exprCtx) ([]updateAction, *Error) {
	const what = "UpdateExpression"
	if strings.TrimSpace(src) == "" {
		return nil, validationf("Invalid %s: The expression can not be empty;", what)
	}
	if err := checkExprSize(what, src); err != nil {
		return nil, err
	}
	p := newParser(what, src, ctx)
	var actions []updateAction
	if err := safeParse(what, func() { actions = p.update() }); err != nil {
		return nil, err
	}
	if p.err != nil {
		return nil, p.err
	}
	paths := make([]docPath, len(actions))
	for i, a := range actions {
		paths[i] = a.path
	}
	if err := checkOverlap(what, paths); err != nil {
		return nil, err
	}
	return actions, nil
}

func (p *parser) update() []updateAction {
	var actions []updateAction
	seen := map[string]bool{}
	for p.err == nil && !p.atEnd() {
		t := p.peek()
		verb := strings.ToUpper(t.text)
		if t.kind != tIdent || (verb != "SET" && verb != "REMOVE" && verb != "ADD" && verb != "DELETE") {
			p.syntaxError()
			return nil
		}
		if seen[verb] {
			p.failf("The %q section can only be used once in an update expression;", verb)
			return nil
		}
		seen[verb] = true
		p.pos++
		for {
			path, ok := p.path()
			if !ok {
				return nil
			}
			a := updateAction{verb: verb, path: path}
			switch verb {
			case "SET":
				if !p.expect("=") {
					return nil
				}
				a.value = p.setValue()
				if p.err != nil {
					return nil
				}
			case "ADD", "DELETE":
				if p.peek().kind != tValue {
					p.syntaxError()
					return nil
				}
				v, ok := p.value()
				if !ok {
					return nil
				}
				a.value = v
			}
			actions = append(actions, a)
			if !p.accept(",") {
				break
			}
		}
	}
	if p.err == nil && len(actions) == 0 {
		p.syntaxError()
	}
	return actions
}

// setValue parses operand [ (+|-) operand ].
func (p *parser) setValue() *operand {
	left := p.setOperand()
	if p.err != nil {
		return nil
	}
	t := p.peek()
	if t.kind == tPunct && (t.text == "+" || t.text == "-") {
		p.pos++
		right := p.setOperand()
		if p.err != nil {
			return nil
		}
		k := opPlus
		if t.text == "-" {
			k = opMinus
		}
		return &operand{kind: k, args: []*operand{left, right}, text: t.text}
	}
	return left
}

func (p *parser) setOperand() *operand {
	t := p.peek()
	if t.kind == tIdent && p.toks[p.pos+1].kind == tPunct && p.toks[p.pos+1].text == "(" {
		var k opKind
		switch t.text {
		case "if_not_exists":
			k = opIfNotExists
		case "list_append":
			k = opListAppend
		default:
			if isFunction(t.text) {
				p.failf("The function is not allowed in an update expression; function: %s", t.text)
			} else {
				p.failf("Invalid function name; function: %s", t.text)
			}
			return nil
		}
		p.pos += 2
		o := &operand{kind: k, text: t.text}
		for {
			a := p.setOperand()
			if p.err != nil {
				return nil
			}
			o.args = append(o.args, a)
			if !p.accept(",") {
				break
			}
		}
		if !p.expect(")") {
			return nil
		}
		if len(o.args) != 2 {
			p.failf("Incorrect number of operands for operator or function; operator or function: %s, number of operands: %d", t.text, len(o.args))
			return nil
		}
		if k == opIfNotExists && o.args[0].kind != opPath {
			p.failf("Operator or function requires a document path; operator or function: if_not_exists")
			return nil
		}
		return o
	}
	if t.kind == tValue {
		o, _ := p.value()
		return o
	}
	if t.kind == tIdent || t.kind == tName {
		path, ok := p.path()
		if !ok {
			return nil
		}
		return &operand{kind: opPath, path: path, text: path.String()}
	}
	p.syntaxError()
	return nil
}
