// Package interrupt instruments a WebAssembly module so its host can stop
// it at any moment, cheaply.
//
// wazero can stop a running module when its context ends
// (RuntimeConfig.WithCloseOnContextDone), but its compiler does so by
// leaving machine code for Go at every loop header. Go's WebAssembly output
// enters a loop on almost every function call, so that check cost a warm
// Lambda invocation of a Go handler about 60 µs of its 130 µs. Instrument
// instead adds an exported mutable i32 global, a countdown, and at the top
// of every loop the instructions
//
//	global.get $countdown
//	i32.eqz
//	if
//	  i32.const <period>
//	  global.set $countdown
//	  call $yield        ;; an imported function, e.g. WASI sched_yield
//	  drop               ;; when it returns a value
//	else
//	  global.get $countdown
//	  i32.const 1
//	  i32.sub
//	  global.set $countdown
//	end
//
// which compile to a few register and memory operations. Every period loop
// iterations the module calls the yield import, that is, Go code: there
// the Go runtime can stop the goroutine for a garbage collection (machine
// code cannot be preempted, so a loop that never called out would stall
// every stop-the-world, and with it the timer meant to stop the loop), and
// there the host checks whether the module must stop. To stop it at once
// the host sets the countdown to zero (api.MutableGlobal.Set): the next
// loop header calls yield, whose host implementation ends the module. A
// module waiting in a host function is stopped by that function returning.
// Straight-line code reaches a loop header or returns within a bounded
// number of instructions, so every execution path is covered.
//
// Instrument decodes every instruction to find loop headers. A module it
// cannot decode with certainty (an opcode it does not know), or that does
// not import the yield function, is refused with an error, and the caller
// keeps wazero's own check for it.
package interrupt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// GlobalName is the export name of the countdown global Instrument adds.
const GlobalName = "learnsls_countdown"

// DefaultPeriod is the number of loop iterations between calls to the yield
// import when Options.Period is zero: some tens of microseconds of guest
// work, so a garbage collection never waits longer, for a negligible cost
// per iteration.
const DefaultPeriod = 1 << 14

// Options name the yield import and how often it is called.
type Options struct {
	// Module and Name identify the imported function to call. It takes no
	// parameters and returns nothing or one value (dropped), like WASI's
	// sched_yield, which every Go wasip1 program imports.
	Module, Name string
	// Period is the number of loop iterations between calls; 0 means
	// DefaultPeriod.
	Period uint32
}

// ErrInstrumented reports a module that already exports GlobalName.
var ErrInstrumented = errors.New("module already exports " + GlobalName)

const (
	secCustom   = 0
	secType     = 1
	secImport   = 2
	secGlobal   = 6
	secExport   = 7
	secCode     = 10
	extKindGlob = 0x03

	opIf        = 0x04
	opElse      = 0x05
	opEnd       = 0x0b
	opCall      = 0x10
	opDrop      = 0x1a
	opGlobalGet = 0x23
	opGlobalSet = 0x24
	opI32Const  = 0x41
	opI32Eqz    = 0x45
	opI32Sub    = 0x6b
	blockEmpty  = 0x40
	typeI32     = 0x7f
)

// sectionRank orders known section ids as the binary format requires.
func sectionRank(id byte) int {
	switch id {
	case 12: // data count: after element (9), before code (10)
		return 95
	case 13: // tag, from the exception-handling proposal: after memory
		return 55
	}
	return int(id) * 10
}

type section struct {
	id   byte
	body []byte
}

// Instrument returns a copy of the binary module wasm with an exported
// mutable i32 countdown global named GlobalName and, at every loop header,
// a countdown step that calls the yield import when it reaches zero (see
// the package documentation). It fails on a malformed module, on an
// instruction it does not know, on a module without the yield import, and
// on a module that already exports GlobalName.
func Instrument(wasm []byte, opts Options) (out []byte, err error) {
	defer func() {
		// The decoder indexes checked slices; a malformed module that slips
		// past a check must still be an error, not a crash of the host.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("interrupt: malformed module: %v", r)
		}
	}()
	return instrument(wasm, opts)
}

func instrument(wasm []byte, opts Options) ([]byte, error) {
	if opts.Period == 0 {
		opts.Period = DefaultPeriod
	}
	if opts.Period > math.MaxInt32 {
		return nil, fmt.Errorf("interrupt: period %d is beyond an i32 countdown", opts.Period)
	}
	if len(wasm) < 8 || !bytes.Equal(wasm[:4], []byte("\x00asm")) {
		return nil, errors.New("interrupt: not a WebAssembly binary (no \\0asm header)")
	}
	if v := binary.LittleEndian.Uint32(wasm[4:8]); v != 1 {
		return nil, fmt.Errorf("interrupt: unsupported binary version %d", v)
	}
	var sections []section
	r := reader{b: wasm, pos: 8}
	lastRank := -1
	for !r.done() {
		id := r.byte()
		n := r.u32()
		body := r.bytes(int(n))
		if id != secCustom {
			rank := sectionRank(id)
			if id > 13 || rank <= lastRank {
				return nil, fmt.Errorf("interrupt: unknown or out-of-order section %d", id)
			}
			lastRank = rank
		}
		sections = append(sections, section{id, body})
	}
	if r.err != nil {
		return nil, r.err
	}

	imports, err := readImports(sections, opts)
	if err != nil {
		return nil, err
	}
	if !imports.found {
		return nil, fmt.Errorf("interrupt: the module does not import %s.%s", opts.Module, opts.Name)
	}
	drop, err := yieldResults(sections, imports.yieldType)
	if err != nil {
		return nil, err
	}
	var definedGlobals uint32
	if at := find(sections, secGlobal); at >= 0 {
		if definedGlobals, err = countGlobals(sections[at].body); err != nil {
			return nil, err
		}
	}
	index := imports.globals + definedGlobals

	// The countdown: mutable i32 starting at the period.
	newGlobal := append([]byte{typeI32, 0x01, opI32Const}, appendS32(nil, int32(opts.Period))...)
	newGlobal = append(newGlobal, opEnd)
	if at := find(sections, secGlobal); at >= 0 {
		sections[at].body = appendToVector(sections[at].body, newGlobal)
	} else {
		sections = insertSection(sections, section{secGlobal, appendToVector(nil, newGlobal)})
	}

	export := appendName(nil, GlobalName)
	export = append(export, extKindGlob)
	export = appendU32(export, index)
	if at := find(sections, secExport); at >= 0 {
		found, err := exportsName(sections[at].body, GlobalName)
		if err != nil {
			return nil, err
		}
		if found {
			return nil, ErrInstrumented
		}
		sections[at].body = appendToVector(sections[at].body, export)
	} else {
		sections = insertSection(sections, section{secExport, appendToVector(nil, export)})
	}

	if at := find(sections, secCode); at >= 0 {
		code, err := instrumentCode(sections[at].body, countdownStep(index, imports.yieldFunc, opts.Period, drop))
		if err != nil {
			return nil, err
		}
		sections[at].body = code
	}

	out := make([]byte, 0, len(wasm)+len(wasm)/8+64)
	out = append(out, wasm[:8]...)
	for _, s := range sections {
		out = append(out, s.id)
		out = appendU32(out, uint32(len(s.body)))
		out = append(out, s.body...)
	}
	return out, nil
}

// countdownStep is the code inserted at each loop header.
func countdownStep(global, yield, period uint32, drop bool) []byte {
	b := appendU32([]byte{opGlobalGet}, global)
	b = append(b, opI32Eqz, opIf, blockEmpty, opI32Const)
	b = appendS32(b, int32(period))
	b = appendU32(append(b, opGlobalSet), global)
	b = appendU32(append(b, opCall), yield)
	if drop {
		b = append(b, opDrop)
	}
	b = appendU32(append(b, opElse, opGlobalGet), global)
	b = append(b, opI32Const, 0x01, opI32Sub, opGlobalSet)
	b = appendU32(b, global)
	return append(b, opEnd)
}

type importInfo struct {
	globals   uint32 // imported globals, which precede defined ones
	found     bool
	yieldFunc uint32 // function index of the yield import
	yieldType uint32 // its type index
}

func readImports(sections []section, opts Options) (importInfo, error) {
	var info importInfo
	at := find(sections, secImport)
	if at < 0 {
		return info, nil
	}
	r := reader{b: sections[at].body}
	count := r.u32()
	var funcs uint32
	for i := uint32(0); i < count && r.err == nil; i++ {
		module, name := r.name(), r.name()
		switch kind := r.byte(); kind {
		case 0x00: // function: type index
			t := r.u32()
			if !info.found && module == opts.Module && name == opts.Name {
				info.found, info.yieldFunc, info.yieldType = true, funcs, t
			}
			funcs++
		case 0x01: // table: reftype, limits
			r.byte()
			r.limits()
		case 0x02: // memory: limits
			r.limits()
		case 0x03: // global: valtype, mutability
			r.valType()
			r.byte()
			info.globals++
		case 0x04: // tag: attribute, type index
			r.byte()
			r.u32()
		default:
			return info, fmt.Errorf("interrupt: unknown import kind %#x", kind)
		}
	}
	if r.err == nil && !r.done() {
		r.err = errors.New("interrupt: bytes after the last import")
	}
	return info, r.err
}

// yieldResults checks the yield import's type, () -> () or () -> [t], and
// reports whether its result must be dropped.
func yieldResults(sections []section, typeIndex uint32) (drop bool, err error) {
	at := find(sections, secType)
	if at < 0 {
		return false, errors.New("interrupt: no type section")
	}
	r := reader{b: sections[at].body}
	count := r.u32()
	for i := uint32(0); i < count && r.err == nil; i++ {
		if form := r.byte(); form != 0x60 && r.err == nil {
			return false, fmt.Errorf("interrupt: unsupported type form %#x", form)
		}
		params := r.u32()
		for j := uint32(0); j < params && r.err == nil; j++ {
			r.valType()
		}
		results := r.u32()
		for j := uint32(0); j < results && r.err == nil; j++ {
			r.valType()
		}
		if i == typeIndex && r.err == nil {
			if params != 0 || results > 1 {
				return false, fmt.Errorf("interrupt: the yield import has %d parameters and %d results, want none and at most one", params, results)
			}
			return results == 1, nil
		}
	}
	if r.err != nil {
		return false, r.err
	}
	return false, fmt.Errorf("interrupt: type %d of the yield import is not defined", typeIndex)
}

// find returns the index of the section with the given id, or -1.
func find(sections []section, id byte) int {
	for i, s := range sections {
		if s.id == id {
			return i
		}
	}
	return -1
}

// insertSection places s among sections in the binary format's order.
func insertSection(sections []section, s section) []section {
	at := len(sections)
	for i, t := range sections {
		if t.id != secCustom && sectionRank(t.id) > sectionRank(s.id) {
			at = i
			break
		}
	}
	sections = append(sections, section{})
	copy(sections[at+1:], sections[at:])
	sections[at] = s
	return sections
}

// appendToVector returns vec (a count followed by elements) with one more
// element.
func appendToVector(vec, elem []byte) []byte {
	var count uint32
	rest := []byte(nil)
	if len(vec) > 0 {
		r := reader{b: vec}
		count = r.u32()
		rest = vec[r.pos:]
	}
	out := appendU32(nil, count+1)
	out = append(out, rest...)
	return append(out, elem...)
}

// exportsName reports whether the export section body exports name; the
// whole section is decoded, so a malformed one is an error.
func exportsName(body []byte, name string) (bool, error) {
	r := reader{b: body}
	count := r.u32()
	found := false
	for i := uint32(0); i < count && r.err == nil; i++ {
		found = found || r.name() == name
		r.byte()
		r.u32()
	}
	if r.err == nil && !r.done() {
		r.err = errors.New("interrupt: bytes after the last export")
	}
	return found, r.err
}

// countGlobals decodes the global section body and returns its count.
func countGlobals(body []byte) (uint32, error) {
	r := reader{b: body}
	count := r.u32()
	for i := uint32(0); i < count && r.err == nil; i++ {
		r.valType()
		r.byte()
		// The constant initialiser, up to its end.
		for r.err == nil {
			op := r.byte()
			if op == opEnd {
				break
			}
			if err := r.skipImmediates(op); err != nil {
				return 0, fmt.Errorf("interrupt: global %d: %w", i, err)
			}
		}
	}
	if r.err == nil && !r.done() {
		r.err = errors.New("interrupt: bytes after the last global")
	}
	return count, r.err
}

// instrumentCode rewrites the code section's function bodies.
func instrumentCode(body, step []byte) ([]byte, error) {
	r := reader{b: body}
	count := r.u32()
	out := make([]byte, 0, len(body)+len(body)/8)
	out = appendU32(out, count)
	var fn []byte
	for i := uint32(0); i < count; i++ {
		size := r.u32()
		if r.err != nil {
			return nil, r.err
		}
		var err error
		fn, err = instrumentFunc(fn[:0], r.bytes(int(size)), step)
		if err != nil {
			return nil, fmt.Errorf("interrupt: function body %d: %w", i, err)
		}
		out = appendU32(out, uint32(len(fn)))
		out = append(out, fn...)
	}
	if r.err != nil {
		return nil, r.err
	}
	if !r.done() {
		return nil, errors.New("interrupt: bytes after the last function body")
	}
	return out, nil
}

// instrumentFunc copies one function body, inserting check after every
// loop instruction's block type.
func instrumentFunc(dst, body, check []byte) ([]byte, error) {
	r := reader{b: body}
	groups := r.u32()
	for i := uint32(0); i < groups && r.err == nil; i++ {
		r.u32()
		r.valType()
	}
	copied := 0
	for !r.done() && r.err == nil {
		op := r.byte()
		if op == 0x03 { // loop
			r.blockType()
			dst = append(dst, body[copied:r.pos]...)
			dst = append(dst, check...)
			copied = r.pos
			continue
		}
		if err := r.skipImmediates(op); err != nil {
			return nil, err
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	return append(dst, body[copied:]...), nil
}

// reader decodes the binary format; the first error sticks and makes
// every later read return zero.
type reader struct {
	b   []byte
	pos int
	err error
}

var errTruncated = errors.New("interrupt: unexpected end of module")

func (r *reader) done() bool { return r.err != nil || r.pos >= len(r.b) }

func (r *reader) byte() byte {
	if r.err != nil {
		return 0
	}
	if r.pos >= len(r.b) {
		r.err = errTruncated
		return 0
	}
	c := r.b[r.pos]
	r.pos++
	return c
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b)-r.pos {
		r.err = errTruncated
		return nil
	}
	s := r.b[r.pos : r.pos+n]
	r.pos += n
	return s
}

// leb reads an unsigned or signed LEB128 of at most maxBytes bytes.
func (r *reader) leb(maxBytes int) uint64 {
	var v uint64
	for i := 0; i < maxBytes; i++ {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		if i < 10 {
			v |= uint64(c&0x7f) << (7 * i)
		}
		if c&0x80 == 0 {
			return v
		}
	}
	r.err = errors.New("interrupt: LEB128 number too long")
	return 0
}

func (r *reader) u32() uint32 {
	v := r.leb(5)
	if v > math.MaxUint32 {
		r.err = errors.New("interrupt: u32 out of range")
		return 0
	}
	return uint32(v)
}

func (r *reader) name() string {
	n := r.u32()
	return string(r.bytes(int(n)))
}

func (r *reader) limits() {
	switch flags := r.byte(); flags {
	case 0x00, 0x04:
		r.leb(10)
	case 0x01, 0x03, 0x05, 0x07: // max present (shared / 64-bit variants)
		r.leb(10)
		r.leb(10)
	case 0x02, 0x06:
		r.leb(10)
	default:
		r.err = fmt.Errorf("interrupt: unknown limits flags %#x", flags)
	}
}

// valType reads a value type: one byte for the numeric, vector and
// abbreviated reference types, which is all a module without the GC
// proposal uses.
func (r *reader) valType() {
	switch t := r.byte(); t {
	case 0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f:
	default:
		if r.err == nil {
			r.err = fmt.Errorf("interrupt: unsupported value type %#x", t)
		}
	}
}

// blockType reads a block type: empty, a value type, or a type index (a
// non-negative s33).
func (r *reader) blockType() {
	if r.err != nil || r.pos >= len(r.b) {
		r.byte()
		return
	}
	switch r.b[r.pos] {
	case blockEmpty, 0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f:
		r.pos++
	default:
		r.leb(5)
	}
}

func (r *reader) memarg() {
	align := r.u32()
	if align&0x40 != 0 { // multi-memory: a memory index follows
		r.u32()
	}
	r.leb(10)
}

// skipImmediates reads the immediates of op (already read).
func (r *reader) skipImmediates(op byte) error {
	switch {
	case op == 0x00, op == 0x01, op == 0x05, op == 0x0b, op == 0x0f,
		op == 0x1a, op == 0x1b, op == 0xd1, op == 0xd3, op == 0xd4:
		// unreachable nop else end return drop select ref.is_null ref.eq ref.as_non_null
	case op == 0x02, op == 0x04: // block if
		r.blockType()
	case op == 0x0c, op == 0x0d, op == 0x10, op == 0x12, op == 0x14, op == 0x15,
		op >= 0x20 && op <= 0x26, op == 0xd2, op == 0xd5, op == 0xd6:
		// br br_if call return_call call_ref return_call_ref local.* global.* table.get/set ref.func br_on_null br_on_non_null
		r.u32()
	case op == 0x0e: // br_table
		n := r.u32()
		for i := uint32(0); i < n && r.err == nil; i++ {
			r.u32()
		}
		r.u32()
	case op == 0x11, op == 0x13: // call_indirect return_call_indirect
		r.u32()
		r.u32()
	case op == 0x1c: // select t*
		n := r.u32()
		for i := uint32(0); i < n && r.err == nil; i++ {
			r.valType()
		}
	case op >= 0x28 && op <= 0x3e: // loads and stores
		r.memarg()
	case op == 0x3f, op == 0x40: // memory.size memory.grow
		r.u32()
	case op == 0x41: // i32.const
		r.leb(5)
	case op == 0x42: // i64.const
		r.leb(10)
	case op == 0x43:
		r.bytes(4)
	case op == 0x44:
		r.bytes(8)
	case op >= 0x45 && op <= 0xc4: // numeric, incl. sign extension
	case op == 0xd0: // ref.null
		r.valType()
	case op == 0xfc:
		switch sub := r.u32(); {
		case sub <= 7: // saturating truncation
		case sub == 8: // memory.init
			r.u32()
			r.u32()
		case sub == 9, sub == 11, sub == 13, sub == 15, sub == 16, sub == 17:
			// data.drop memory.fill elem.drop table.grow table.size table.fill
			r.u32()
		case sub == 10, sub == 12, sub == 14: // memory.copy table.init table.copy
			r.u32()
			r.u32()
		default:
			return fmt.Errorf("unknown instruction 0xfc %d", sub)
		}
	default:
		// Exceptions, SIMD (0xfd), threads (0xfe), GC (0xfb): not emitted by
		// the Go toolchain; refuse rather than guess their immediates.
		return fmt.Errorf("unsupported instruction %#x at offset %d", op, r.pos-1)
	}
	return r.err
}

func appendU32(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

// appendS32 appends v as a signed LEB128 (i32.const's immediate).
func appendS32(b []byte, v int32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendName(b []byte, s string) []byte {
	b = appendU32(b, uint32(len(s)))
	return append(b, s...)
}
