package lambda

import (
	"io"
	"io/fs"
	"testing"
	"time"

	experimentalsys "github.com/tetratelabs/wazero/experimental/sys"
)

func TestMemFS(t *testing.T) {
	m := newMemFS(10, func() time.Time { return time.Unix(100, 0) })
	rw := experimentalsys.O_RDWR | experimentalsys.O_CREAT
	steps := []struct {
		name string
		do   func() experimentalsys.Errno
		want experimentalsys.Errno
	}{
		{"open missing", func() experimentalsys.Errno { _, e := m.OpenFile("a", experimentalsys.O_RDONLY, 0); return e }, experimentalsys.ENOENT},
		{"create", func() experimentalsys.Errno {
			f, e := m.OpenFile("a", rw, 0o644)
			if e == 0 {
				_, e = f.Write([]byte("hello"))
			}
			return e
		}, 0},
		{"exclusive create of existing", func() experimentalsys.Errno {
			_, e := m.OpenFile("a", rw|experimentalsys.O_EXCL, 0o644)
			return e
		}, experimentalsys.EEXIST},
		{"write beyond the limit", func() experimentalsys.Errno {
			f, _ := m.OpenFile("b", rw, 0o644)
			_, e := f.Write([]byte("123456"))
			return e
		}, errNoSpace},
		{"mkdir", func() experimentalsys.Errno { return m.Mkdir("d", 0o755) }, 0},
		{"file in missing dir", func() experimentalsys.Errno { _, e := m.OpenFile("x/y", rw, 0o644); return e }, experimentalsys.ENOENT},
		{"rmdir non-empty", func() experimentalsys.Errno {
			if _, e := m.OpenFile("d/f", rw, 0o644); e != 0 {
				return e
			}
			return m.Rmdir("d")
		}, experimentalsys.ENOTEMPTY},
		{"rename", func() experimentalsys.Errno { return m.Rename("a", "d/a") }, 0},
		{"unlink frees space", func() experimentalsys.Errno {
			if e := m.Unlink("d/a"); e != 0 {
				return e
			}
			f, _ := m.OpenFile("c", rw, 0o644)
			_, e := f.Write([]byte("0123456789"))
			return e
		}, 0},
		{"truncate beyond the limit", func() experimentalsys.Errno {
			f, _ := m.OpenFile("c", experimentalsys.O_RDWR, 0)
			return f.Truncate(11)
		}, errNoSpace},
		{"climb above the root stays in it", func() experimentalsys.Errno {
			_, e := m.Stat("../../c")
			return e
		}, 0},
		{"open dir for writing", func() experimentalsys.Errno { _, e := m.OpenFile("d", experimentalsys.O_WRONLY, 0); return e }, experimentalsys.EISDIR},
	}
	for _, s := range steps {
		if got := s.do(); got != s.want {
			t.Errorf("%s: errno %v, want %v", s.name, got, s.want)
		}
	}
	f, _ := m.OpenFile("c", experimentalsys.O_RDONLY, 0)
	buf := make([]byte, 4)
	if _, e := f.Seek(3, io.SeekStart); e != 0 {
		t.Fatal(e)
	}
	if n, _ := f.Read(buf); string(buf[:n]) != "3456" {
		t.Errorf("read after seek = %q", buf[:n])
	}
	d, _ := m.OpenFile(".", experimentalsys.O_RDONLY|experimentalsys.O_DIRECTORY, 0)
	ents, _ := d.Readdir(-1)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name)
	}
	if len(names) != 3 || names[0] != "b" || names[1] != "c" || names[2] != "d" || ents[2].Type != fs.ModeDir {
		t.Errorf("root entries = %v", ents)
	}
	if m.used != 10 {
		t.Errorf("used = %d, want 10", m.used)
	}
}

// FuzzLogCapture checks that however output is split into writes, the
// sink sees exactly its lines and the capture keeps exactly its bytes.
func FuzzLogCapture(f *testing.F) {
	f.Add([]byte("a\nbb\nccc"), uint8(2))
	f.Add([]byte("\n\n\n"), uint8(1))
	f.Add([]byte("no newline"), uint8(7))
	f.Fuzz(func(t *testing.T, out []byte, chunk uint8) {
		size := int(chunk%16) + 1
		var lines []string
		c := newLogCapture(1<<20, LogEvent{}, LogSinkFunc(func(e LogEvent) { lines = append(lines, e.Message) }), time.Now)
		for i := 0; i < len(out); i += size {
			c.Write(out[min(i, len(out)):min(i+size, len(out))])
		}
		c.platformLine("END")
		want := string(out)
		if len(want) > 0 && want[len(want)-1] != '\n' {
			want += "\n"
		}
		want += "END\n"
		if c.String() != want {
			t.Fatalf("capture %q, want %q", c.String(), want)
		}
		joined := ""
		for _, l := range lines {
			joined += l + "\n"
		}
		if joined != want {
			t.Fatalf("sink lines %q, want %q", joined, want)
		}
	})
}
