package dynamodb

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// FastServer serves the JSON protocol over HTTP/1.1 with a small
// hand-written request reader, for the one request shape SDKs send:
// POST, HTTP/1.1, a Content-Length body and an X-Amz-Target naming one of
// Targets. Going through net/http costs more CPU than the operation
// itself (a header map, a context, a background reader and a response
// writer per request); this path reads the head in place, reuses the
// connection's buffers and answers with one write.
//
// Any other request — GET /, another service's target, a chunked body,
// Expect: 100-continue, HTTP/1.0, odd line endings, a head or body too
// large for the buffers — is not parsed here: the connection, with
// everything not yet consumed, is handed to Fallback and stays there.
// So HTTP semantics are net/http's for everything but the common case.
type FastServer struct {
	// Call answers a request whose X-Amz-Target starts with one of
	// Targets; (*Service).CallTarget is the usual value.
	Call    func(ctx context.Context, target string, body []byte) (status int, resp []byte)
	Targets []string
	// Fallback serves every request the fast path does not. Its Handler
	// must be set; its ReadHeaderTimeout also bounds the fast path's
	// wait for a request head once its first byte has arrived.
	Fallback *http.Server

	mu      sync.Mutex
	ln      net.Listener
	conns   map[*fastConn]struct{}
	handoff *handoffListener
	closing atomic.Bool
	ctx     context.Context
	cancel  context.CancelFunc
}

// NewFastServer serves s's DynamoDB and DynamoDB Streams targets on the
// fast path and everything else through fallback (s itself when nil).
func NewFastServer(s *Service, fallback http.Handler) *FastServer {
	if fallback == nil {
		fallback = s
	}
	return &FastServer{
		Call:     s.CallTarget,
		Targets:  []string{TargetPrefix, StreamsTargetPrefix},
		Fallback: &http.Server{Handler: fallback, ReadHeaderTimeout: 10 * time.Second},
	}
}

// Connection states: a connection is closed by Shutdown only while idle.
const (
	connIdle int32 = iota
	connActive
	connClosed
)

type fastConn struct {
	c     net.Conn
	state atomic.Int32
}

const (
	fastBufSize  = 16 << 10 // request heads larger than this go to Fallback
	fastMaxBody  = 1 << 20  // so do bodies larger than this
	keepBodyCap  = 64 << 10 // a connection keeps body buffers up to this size
	maxTargetLen = 128
)

func (fs *FastServer) init(ln net.Listener) error {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if fs.ln != nil {
		return errors.New("dynamodb: FastServer.Serve called twice")
	}
	if fs.Call == nil || fs.Fallback == nil || fs.Fallback.Handler == nil {
		return errors.New("dynamodb: FastServer needs Call and a Fallback with a Handler")
	}
	fs.ln = ln
	fs.conns = map[*fastConn]struct{}{}
	fs.handoff = &handoffListener{addr: ln.Addr(), ch: make(chan net.Conn), done: make(chan struct{})}
	fs.ctx, fs.cancel = context.WithCancel(context.Background())
	return nil
}

// Serve accepts connections on ln until Shutdown or Close, when it
// returns http.ErrServerClosed.
func (fs *FastServer) Serve(ln net.Listener) error {
	if err := fs.init(ln); err != nil {
		return err
	}
	go fs.Fallback.Serve(fs.handoff)
	var backoff time.Duration
	for {
		c, err := ln.Accept()
		if err != nil {
			if fs.closing.Load() {
				return http.ErrServerClosed
			}
			if errors.Is(err, net.ErrClosed) {
				return err
			}
			// Like net/http: wait and retry (e.g. too many open files).
			backoff = min(max(2*backoff, 5*time.Millisecond), time.Second)
			time.Sleep(backoff)
			continue
		}
		backoff = 0
		fc := &fastConn{c: c}
		fs.mu.Lock()
		fs.conns[fc] = struct{}{}
		fs.mu.Unlock()
		go fs.serveConn(fc)
	}
}

// Shutdown stops accepting, closes idle connections, waits for active
// ones to finish their request (or ctx to end), then shuts Fallback down.
func (fs *FastServer) Shutdown(ctx context.Context) error {
	fs.closing.Store(true)
	fs.mu.Lock()
	ln := fs.ln
	fs.mu.Unlock()
	if ln == nil {
		return nil
	}
	ln.Close()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		fs.mu.Lock()
		for fc := range fs.conns {
			if fc.state.CompareAndSwap(connIdle, connClosed) {
				fc.c.Close()
				delete(fs.conns, fc)
			}
		}
		left := len(fs.conns)
		fs.mu.Unlock()
		if left == 0 {
			break
		}
		select {
		case <-ctx.Done():
			fs.Close()
			return ctx.Err()
		case <-tick.C:
		}
	}
	fs.cancel()
	return fs.Fallback.Shutdown(ctx)
}

// Close closes the listener and every connection at once.
func (fs *FastServer) Close() error {
	fs.closing.Store(true)
	fs.mu.Lock()
	ln := fs.ln
	for fc := range fs.conns {
		fc.state.Store(connClosed)
		fc.c.Close()
		delete(fs.conns, fc)
	}
	fs.mu.Unlock()
	if ln == nil {
		return nil
	}
	fs.cancel()
	err := ln.Close()
	fs.Fallback.Close()
	return err
}

func (fs *FastServer) forget(fc *fastConn) {
	fs.mu.Lock()
	delete(fs.conns, fc)
	fs.mu.Unlock()
}

// fastHead is what the fast path needs from a request head.
type fastHead struct {
	length    int    // of the head, through the blank line
	bodyLen   int    // Content-Length
	target    []byte // X-Amz-Target, still in the read buffer
	close     bool   // Connection: close
	hasHost   bool
	hasLength bool
}

func (fs *FastServer) serveConn(fc *fastConn) {
	c := fc.c
	handedOff := false
	defer func() {
		if r := recover(); r != nil {
			// A parser bug must not take the server down; drop the
			// connection as net/http does for a panicking handler.
			handedOff = false
		}
		if !handedOff {
			c.Close()
			fs.forget(fc)
		}
	}()
	br := bufio.NewReaderSize(c, fastBufSize)
	var out, body []byte
	var targets targetCache
	headerTimeout := fs.Fallback.ReadHeaderTimeout
	for {
		if fs.closing.Load() {
			return
		}
		if _, err := br.Peek(1); err != nil {
			return
		}
		if !fc.state.CompareAndSwap(connIdle, connActive) {
			return // Shutdown closed it
		}
		if headerTimeout > 0 {
			c.SetReadDeadline(time.Now().Add(headerTimeout))
		}
		raw, ok, err := peekHead(br)
		if err != nil {
			return
		}
		var h fastHead
		if ok {
			ok = parseHead(raw, &h) && h.bodyLen <= fastMaxBody && fs.wants(h.target)
		}
		if !ok {
			if headerTimeout > 0 {
				c.SetReadDeadline(time.Time{})
			}
			handedOff = fs.handOff(fc, br)
			return
		}
		target := targets.get(h.target)
		br.Discard(h.length)
		if cap(body) < h.bodyLen || cap(body) > keepBodyCap {
			body = make([]byte, h.bodyLen, max(h.bodyLen, 512))
		}
		body = body[:h.bodyLen]
		if _, err := io.ReadFull(br, body); err != nil {
			return
		}
		if headerTimeout > 0 {
			c.SetReadDeadline(time.Time{})
		}
		status, resp := fs.Call(fs.ctx, target, body)
		out = appendResponseHead(out[:0], status, resp, h.close)
		if len(out)+len(resp) <= 16<<10 {
			out = append(out, resp...)
			_, err = c.Write(out)
		} else {
			_, err = (&net.Buffers{out, resp}).WriteTo(c)
		}
		if err != nil || h.close {
			return
		}
		if cap(out) > keepBodyCap {
			out = nil
		}
		fc.state.Store(connIdle)
	}
}

func (fs *FastServer) wants(target []byte) bool {
	for _, p := range fs.Targets {
		if bytes.HasPrefix(target, []byte(p)) {
			return true
		}
	}
	return false
}

// handOff gives the connection, with the bytes br has read but not
// consumed, to Fallback. It reports whether Fallback took it.
func (fs *FastServer) handOff(fc *fastConn, br *bufio.Reader) bool {
	fs.forget(fc)
	select {
	case fs.handoff.ch <- &bufConn{Conn: fc.c, r: br}:
		return true
	case <-fs.handoff.done:
		return false
	}
}

// peekHead returns the request head (through the blank line) without
// consuming it. ok is false when the head is not in the fast shape: bare
// LF line endings, or larger than the buffer.
func peekHead(br *bufio.Reader) (head []byte, ok bool, err error) {
	for {
		buf, _ := br.Peek(br.Buffered())
		if i := bytes.Index(buf, []byte("\n\r\n")); i >= 0 {
			return buf[:i+3], true, nil
		}
		if bytes.Contains(buf, []byte("\n\n")) || len(buf) >= fastBufSize {
			return nil, false, nil
		}
		if _, err := br.Peek(len(buf) + 1); err != nil {
			return nil, false, err
		}
	}
}

// parseHead reads the request line and headers of head into h. It
// reports false for anything but the fast shape, leaving the request to
// net/http (which also produces the errors for malformed ones).
func parseHead(head []byte, h *fastHead) bool {
	h.length = len(head)
	line, rest, ok := cutLine(head)
	if !ok || len(line) < len("POST / HTTP/1.1") || !bytes.HasPrefix(line, []byte("POST ")) || !bytes.HasSuffix(line, []byte(" HTTP/1.1")) {
		return false
	}
	if uri := line[5 : len(line)-9]; string(uri) != "/" { // SDKs send "/"
		if u, err := url.ParseRequestURI(string(uri)); err != nil || u.Path == "" || uri[0] != '/' || bytes.IndexByte(uri, ' ') >= 0 {
			return false
		}
	}
	for {
		line, rest, ok = cutLine(rest)
		if !ok {
			return false
		}
		if len(line) == 0 {
			break
		}
		colon := bytes.IndexByte(line, ':')
		if colon <= 0 || !validFieldName(line[:colon]) {
			return false // also obsolete line folding (leading space)
		}
		name, value := line[:colon], bytes.Trim(line[colon+1:], " \t")
		for _, c := range value {
			if c < ' ' && c != '\t' || c == 0x7f {
				return false
			}
		}
		switch {
		case asciiEqualFold(name, "content-length"):
			if h.hasLength || len(value) == 0 || len(value) > 9 {
				return false
			}
			n := 0
			for _, c := range value {
				if c < '0' || c > '9' {
					return false
				}
				n = n*10 + int(c-'0')
			}
			h.bodyLen, h.hasLength = n, true
		case asciiEqualFold(name, "x-amz-target"):
			if h.target != nil || len(value) > maxTargetLen {
				return false
			}
			h.target = value
		case asciiEqualFold(name, "host"):
			if h.hasHost {
				return false
			}
			h.hasHost = true
		case asciiEqualFold(name, "connection"):
			for _, tok := range bytes.Split(value, []byte(",")) {
				tok = bytes.Trim(tok, " \t")
				if asciiEqualFold(tok, "close") {
					h.close = true
				} else if !asciiEqualFold(tok, "keep-alive") {
					return false // e.g. Upgrade
				}
			}
		case asciiEqualFold(name, "transfer-encoding"), asciiEqualFold(name, "expect"), asciiEqualFold(name, "upgrade"):
			return false
		}
	}
	return len(rest) == 0 && h.hasHost && h.target != nil
}

// cutLine splits off one CRLF-terminated line.
func cutLine(b []byte) (line, rest []byte, ok bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 1 || b[i-1] != '\r' {
		return nil, nil, false
	}
	line = b[:i-1]
	if bytes.IndexByte(line, '\r') >= 0 {
		return nil, nil, false
	}
	return line, b[i+1:], true
}

// validFieldName accepts RFC 9110 token characters.
func validFieldName(b []byte) bool {
	for _, c := range b {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case bytes.IndexByte([]byte("!#$%&'*+-.^_`|~"), c) >= 0:
		default:
			return false
		}
	}
	return true
}

// asciiEqualFold compares b with lower-case ASCII s, ignoring b's case.
func asciiEqualFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range len(b) {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

// targetCache turns the few X-Amz-Target values a connection sends into
// strings once, not once per request.
type targetCache struct {
	s [8]string
	n int
}

func (tc *targetCache) get(b []byte) string {
	for _, s := range tc.s[:tc.n] {
		if string(b) == s {
			return s
		}
	}
	s := string(b)
	if tc.n < len(tc.s) {
		tc.s[tc.n] = s
		tc.n++
	}
	return s
}

// appendResponseHead writes the status line and the headers DynamoDB
// sends: request id, CRC32 of the body, Content-Length and Date.
func appendResponseHead(b []byte, status int, body []byte, closing bool) []byte {
	b = append(b, "HTTP/1.1 "...)
	b = strconv.AppendInt(b, int64(status), 10)
	b = append(b, ' ')
	b = append(b, http.StatusText(status)...)
	b = append(b, "\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amzn-Requestid: "...)
	b = appendRequestID(b)
	b = append(b, "\r\nX-Amz-Crc32: "...)
	b = strconv.AppendUint(b, uint64(crc32.ChecksumIEEE(body)), 10)
	b = append(b, "\r\nContent-Length: "...)
	b = strconv.AppendInt(b, int64(len(body)), 10)
	b = append(b, "\r\nDate: "...)
	b = time.Now().UTC().AppendFormat(b, http.TimeFormat)
	if closing {
		b = append(b, "\r\nConnection: close"...)
	}
	return append(b, "\r\n\r\n"...)
}

// appendRequestID appends an ID shaped like DynamoDB's (52 upper-case
// letters and digits), as newRequestID does.
func appendRequestID(b []byte) []byte {
	var x uint64
	for i := range 52 {
		if i%12 == 0 { // 12 base-36 digits per 64 random bits
			x = rand.Uint64()
		}
		b = append(b, requestIDChars[x%36])
		x /= 36
	}
	return b
}

// handoffListener is the listener Fallback serves: it yields the
// connections the fast path gives up.
type handoffListener struct {
	addr net.Addr
	ch   chan net.Conn
	done chan struct{}
	once sync.Once
}

func (l *handoffListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.ch:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *handoffListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return nil
}

func (l *handoffListener) Addr() net.Addr { return l.addr }

// bufConn is a connection whose first bytes are still in r.
type bufConn struct {
	net.Conn
	r *bufio.Reader
}

func (c *bufConn) Read(p []byte) (int, error) { return c.r.Read(p) }
