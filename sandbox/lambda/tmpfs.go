package lambda

import (
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	experimentalsys "github.com/tetratelabs/wazero/experimental/sys"
	"github.com/tetratelabs/wazero/sys"
)

// memFS is the in-memory file system mounted at /tmp in an execution
// environment. Its file contents count against a byte limit (the function's
// ephemeral storage); writes beyond it fail with ENOSPC, as a full disk would.
// It lives as long as its environment, so /tmp survives warm invocations.
type memFS struct {
	experimentalsys.UnimplementedFS // Link, Symlink, Readlink: ENOSYS
	mu                              sync.Mutex
	root                            *memNode
	used                            int64
	limit                           int64
	ino                             sys.Inode
	now                             func() time.Time
}

type memNode struct {
	dir      bool
	mode     fs.FileMode
	ino      sys.Inode
	data     []byte
	children map[string]*memNode
	atim     int64
	mtim     int64
}

func newMemFS(limit int64, now func() time.Time) *memFS {
	m := &memFS{limit: limit, now: now}
	m.root = m.newNode(true, 0o777)
	return m
}

func (m *memFS) newNode(dir bool, perm fs.FileMode) *memNode {
	m.ino++
	t := m.now().UnixNano()
	n := &memNode{dir: dir, mode: perm & fs.ModePerm, ino: m.ino, atim: t, mtim: t}
	if dir {
		n.mode |= fs.ModeDir
		n.children = map[string]*memNode{}
	}
	return n
}

// split cleans a mount-relative path into its elements; "" and "." are the
// root. The mount never sees ".." above its root: wazero resolves paths
// against the preopen before calling us, but clean anyway.
func split(p string) []string {
	p = path.Clean("/" + p)
	if p == "/" {
		return nil
	}
	return strings.Split(p[1:], "/")
}

// lookup walks to the node at p; parent is its directory and name its last
// element (for create and remove).
func (m *memFS) lookup(p string) (node, parent *memNode, name string, errno experimentalsys.Errno) {
	elems := split(p)
	if len(elems) == 0 {
		return m.root, nil, "", 0
	}
	dir := m.root
	for _, e := range elems[:len(elems)-1] {
		next, ok := dir.children[e]
		if !ok {
			return nil, nil, "", experimentalsys.ENOENT
		}
		if !next.dir {
			return nil, nil, "", experimentalsys.ENOTDIR
		}
		dir = next
	}
	name = elems[len(elems)-1]
	return dir.children[name], dir, name, 0
}

func (m *memFS) OpenFile(p string, flag experimentalsys.Oflag, perm fs.FileMode) (experimentalsys.File, experimentalsys.Errno) {
	m.mu.Lock()
	defer m.mu.Unlock()
	node, parent, name, errno := m.lookup(p)
	if errno != 0 {
		return nil, errno
	}
	if node == nil {
		if flag&experimentalsys.O_CREAT == 0 || parent == nil {
			return nil, experimentalsys.ENOENT
		}
		node = m.newNode(false, perm)
		parent.children[name] = node
		parent.mtim = m.now().UnixNano()
	} else if flag&experimentalsys.O_CREAT != 0 && flag&experimentalsys.O_EXCL != 0 {
		return nil, experimentalsys.EEXIST
	}
	if flag&experimentalsys.O_DIRECTORY != 0 && !node.dir {
		return nil, experimentalsys.ENOTDIR
	}
	access := flag & (experimentalsys.O_RDONLY | experimentalsys.O_WRONLY | experimentalsys.O_RDWR)
	writable := access == experimentalsys.O_WRONLY || access == experimentalsys.O_RDWR
	if node.dir && writable {
		return nil, experimentalsys.EISDIR
	}
	if flag&experimentalsys.O_TRUNC != 0 && writable && !node.dir {
		m.used -= int64(len(node.data))
		node.data = nil
		node.mtim = m.now().UnixNano()
	}
	f := &memFile{fs: m, node: node, writable: writable, readable: access != experimentalsys.O_WRONLY, append: flag&experimentalsys.O_APPEND != 0}
	f.seeker.f = f
	return f, 0
}

func (m *memFS) Stat(p string) (sys.Stat_t, experimentalsys.Errno) {
	m.mu.Lock()
	defer m.mu.Unlock()
	node, _, _, errno := m.lookup(p)
	if errno != 0 {
		return sys.Stat_t{}, errno
	}
	if node == nil {
		return sys.Stat_t{}, experimentalsys.ENOENT
	}
	return node.stat(), 0
}

func (m *memFS) Lstat(p string) (sys.Stat_t, experimentalsys.Errno) { return m.Stat(p) }

func (m *memFS) Mkdir(p string, perm fs.FileMode) experimentalsys.Errno {
	m.mu.Lock()
	defer m.mu.Unlock()
	node, parent, name, errno := m.lookup(p)
	if errno != 0 {
		return errno
	}
	if node != nil {
		return experimentalsys.EEXIST
	}
	parent.children[name] = m.newNode(true, perm)
	return 0
}

func (m *memFS) Chmod(p string, perm fs.FileMode) experimentalsys.Errno {
	m.mu.Lock()
	defer m.mu.Unlock()
	node, _, _, errno := m.lookup(p)
	if errno != 0 {
		return errno
	}
	if node == nil {
		return experimentalsys.ENOENT
	}
	node.mode = node.mode&^fs.ModePerm | perm&fs.ModePerm
	return 0
}

func (m *memFS) Rename(from, to string) experimentalsys.Errno {
	m.mu.Lock()
	defer m.mu.Unlock()
	src, srcParent, srcName, errno := m.lookup(from)
	if errno != 0 {
		return errno
	}
	if src == nil || srcParent == nil {
		return experimentalsys.ENOENT
	}
	dst, dstParent, dstName, errno := m.lookup(to)
	if errno != 0 {
		return errno
	}
	if dstParent == nil {
		return experimentalsys.EACCES
	}
	if dst != nil {
		if dst.dir != src.dir {
			if dst.dir {
				return experimentalsys.EISDIR
			}
			return experimentalsys.ENOTDIR
		}
		if dst.dir && len(dst.children) > 0 {
			return experimentalsys.ENOTEMPTY
		}
		m.used -= int64(len(dst.data))
	}
	delete(srcParent.children, srcName)
	dstParent.children[dstName] = src
	return 0
}

func (m *memFS) Rmdir(p string) experimentalsys.Errno {
	m.mu.Lock()
	defer m.mu.Unlock()
	node, parent, name, errno := m.lookup(p)
	if errno != 0 {
		return errno
	}
	switch {
	case node == nil:
		return experimentalsys.ENOENT
	case parent == nil:
		return experimentalsys.EACCES
	case !node.dir:
		return experimentalsys.ENOTDIR
	case len(node.children) > 0:
		return experimentalsys.ENOTEMPTY
	}
	delete(parent.children, name)
	return 0
}

func (m *memFS) Unlink(p string) experimentalsys.Errno {
	m.mu.Lock()
	defer m.mu.Unlock()
	node, parent, name, errno := m.lookup(p)
	if errno != 0 {
		return errno
	}
	switch {
	case node == nil:
		return experimentalsys.ENOENT
	case node.dir:
		return experimentalsys.EISDIR
	}
	m.used -= int64(len(node.data))
	delete(parent.children, name)
	return 0
}

func (m *memFS) Utimens(p string, atim, mtim int64) experimentalsys.Errno {
	m.mu.Lock()
	defer m.mu.Unlock()
	node, _, _, errno := m.lookup(p)
	if errno != 0 {
		return errno
	}
	if node == nil {
		return experimentalsys.ENOENT
	}
	node.setTimes(atim, mtim)
	return 0
}

func (n *memNode) setTimes(atim, mtim int64) {
	if atim != experimentalsys.UTIME_OMIT {
		n.atim = atim
	}
	if mtim != experimentalsys.UTIME_OMIT {
		n.mtim = mtim
	}
}

func (n *memNode) stat() sys.Stat_t {
	st := sys.Stat_t{Ino: n.ino, Mode: n.mode, Nlink: 1, Size: int64(len(n.data)), Atim: n.atim, Mtim: n.mtim, Ctim: n.mtim}
	if n.dir {
		st.Nlink = 2
	}
	return st
}

// memFile is an open file or directory of a memFS.
type memFile struct {
	seeker[int64]
	fs       *memFS
	node     *memNode
	offset   int64
	readable bool
	writable bool
	append   bool
	dirPos   int
}

func (f *memFile) Dev() (uint64, experimentalsys.Errno)    { return 0, 0 }
func (f *memFile) Ino() (sys.Inode, experimentalsys.Errno) { return f.node.ino, 0 }
func (f *memFile) IsDir() (bool, experimentalsys.Errno)    { return f.node.dir, 0 }
func (f *memFile) IsAppend() bool                          { return f.append }

func (f *memFile) SetAppend(enable bool) experimentalsys.Errno {
	f.append = enable
	return 0
}

func (f *memFile) Stat() (sys.Stat_t, experimentalsys.Errno) {
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	return f.node.stat(), 0
}

func (f *memFile) Read(buf []byte) (int, experimentalsys.Errno) {
	n, errno := f.Pread(buf, f.offset)
	f.offset += int64(n)
	return n, errno
}

func (f *memFile) Pread(buf []byte, off int64) (int, experimentalsys.Errno) {
	if f.node.dir {
		return 0, experimentalsys.EISDIR
	}
	if !f.readable {
		return 0, experimentalsys.EBADF
	}
	if off < 0 {
		return 0, experimentalsys.EINVAL
	}
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	if off >= int64(len(f.node.data)) {
		return 0, 0
	}
	return copy(buf, f.node.data[off:]), 0
}

// seeker gives memFile its Seek method. It is generic only because go vet
// insists that a method named Seek return error, while wazero's File
// interface returns an Errno; with a type parameter vet leaves it alone.
type seeker[T ~int64] struct{ f *memFile }

func (s seeker[T]) Seek(offset T, whence int) (T, experimentalsys.Errno) {
	n, errno := s.f.seek(int64(offset), whence)
	return T(n), errno
}

func (f *memFile) seek(offset int64, whence int) (int64, experimentalsys.Errno) {
	if f.node.dir {
		if offset == 0 && whence == io.SeekStart {
			f.dirPos = 0
			return 0, 0
		}
		return 0, experimentalsys.EISDIR
	}
	f.fs.mu.Lock()
	size := int64(len(f.node.data))
	f.fs.mu.Unlock()
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += f.offset
	case io.SeekEnd:
		offset += size
	default:
		return 0, experimentalsys.EINVAL
	}
	if offset < 0 {
		return 0, experimentalsys.EINVAL
	}
	f.offset = offset
	return offset, 0
}

func (f *memFile) Readdir(n int) ([]experimentalsys.Dirent, experimentalsys.Errno) {
	if !f.node.dir {
		return nil, experimentalsys.EBADF
	}
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	names := make([]string, 0, len(f.node.children))
	for name := range f.node.children {
		names = append(names, name)
	}
	sort.Strings(names)
	if f.dirPos >= len(names) {
		return nil, 0
	}
	names = names[f.dirPos:]
	if n > 0 && n < len(names) {
		names = names[:n]
	}
	f.dirPos += len(names)
	out := make([]experimentalsys.Dirent, len(names))
	for i, name := range names {
		c := f.node.children[name]
		out[i] = experimentalsys.Dirent{Name: name, Ino: c.ino, Type: c.mode.Type()}
	}
	return out, 0
}

func (f *memFile) Write(buf []byte) (int, experimentalsys.Errno) {
	if f.append {
		f.fs.mu.Lock()
		f.offset = int64(len(f.node.data))
		f.fs.mu.Unlock()
	}
	n, errno := f.Pwrite(buf, f.offset)
	f.offset += int64(n)
	return n, errno
}

func (f *memFile) Pwrite(buf []byte, off int64) (int, experimentalsys.Errno) {
	if f.node.dir {
		return 0, experimentalsys.EISDIR
	}
	if !f.writable {
		return 0, experimentalsys.EBADF
	}
	if off < 0 {
		return 0, experimentalsys.EINVAL
	}
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	end := off + int64(len(buf))
	if grow := end - int64(len(f.node.data)); grow > 0 {
		if f.fs.used+grow > f.fs.limit {
			return 0, errNoSpace
		}
		f.fs.used += grow
		f.node.data = append(f.node.data, make([]byte, grow)...)
	}
	copy(f.node.data[off:], buf)
	f.node.mtim = f.fs.now().UnixNano()
	return len(buf), 0
}

func (f *memFile) Truncate(size int64) experimentalsys.Errno {
	if f.node.dir {
		return experimentalsys.EISDIR
	}
	if !f.writable {
		return experimentalsys.EBADF
	}
	if size < 0 {
		return experimentalsys.EINVAL
	}
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	delta := size - int64(len(f.node.data))
	if delta > 0 && f.fs.used+delta > f.fs.limit {
		return errNoSpace
	}
	f.fs.used += delta
	if delta > 0 {
		f.node.data = append(f.node.data, make([]byte, delta)...)
	} else {
		f.node.data = f.node.data[:size:size]
	}
	return 0
}

func (f *memFile) Sync() experimentalsys.Errno     { return 0 }
func (f *memFile) Datasync() experimentalsys.Errno { return 0 }

func (f *memFile) Utimens(atim, mtim int64) experimentalsys.Errno {
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	f.node.setTimes(atim, mtim)
	return 0
}

func (f *memFile) Close() experimentalsys.Errno { return 0 }

// errNoSpace is returned when /tmp is full. wazero's errno set has no
// ENOSPC, so the guest sees an I/O error.
const errNoSpace = experimentalsys.EIO

var _ experimentalsys.File = (*memFile)(nil)
var _ experimentalsys.FS = (*memFS)(nil)
