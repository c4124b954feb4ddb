package attributevalue

import (
	"reflect"
	"sort"
	"strings"
	"sync"
)

// field is one attribute of a struct, possibly reached through embedded
// structs (Index is the path of field indexes).
type field struct {
	tag
	Name       string
	NamedByTag bool
	Index      []int
}

// structFields is the resolved attribute list of one struct type.
type structFields struct {
	list   []field
	byName map[string]int
}

func (s *structFields) lookup(name string) (field, bool) {
	if i, ok := s.byName[name]; ok {
		return s.list[i], true
	}
	for _, f := range s.list {
		if strings.EqualFold(f.Name, name) {
			return f, true
		}
	}
	return field{}, false
}

type fieldsKey struct {
	t      reflect.Type
	tagKey string
}

var fieldsCache sync.Map // fieldsKey -> *structFields

// fieldsOf lists t's attributes with encoding/json's rules for embedded
// structs: fields of embedded (untagged) structs are promoted; among
// fields with the same name the shallowest wins, a tagged one beats an
// untagged one at the same depth, and otherwise ties are dropped.
func fieldsOf(t reflect.Type, tagKey string) *structFields {
	key := fieldsKey{t, tagKey}
	if v, ok := fieldsCache.Load(key); ok {
		return v.(*structFields)
	}
	all := collectFields(t, tagKey)
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		if len(a.Index) != len(b.Index) {
			return len(a.Index) < len(b.Index)
		}
		if a.NamedByTag != b.NamedByTag {
			return a.NamedByTag
		}
		return indexLess(a.Index, b.Index)
	})
	var kept []field
	for i := 0; i < len(all); {
		j := i + 1
		for j < len(all) && all[j].Name == all[i].Name {
			j++
		}
		if f, ok := dominant(all[i:j]); ok {
			kept = append(kept, f)
		}
		i = j
	}
	sort.Slice(kept, func(i, j int) bool { return indexLess(kept[i].Index, kept[j].Index) })
	sf := &structFields{list: kept, byName: make(map[string]int, len(kept))}
	for i, f := range kept {
		sf.byName[f.Name] = i
	}
	v, _ := fieldsCache.LoadOrStore(key, sf)
	return v.(*structFields)
}

// collectFields walks t breadth-first through embedded structs.
func collectFields(t reflect.Type, tagKey string) []field {
	type level struct {
		t     reflect.Type
		index []int
	}
	var out []field
	current := []level{{t: t}}
	visited := map[reflect.Type]bool{}
	counts := map[reflect.Type]int{} // how often each type of current was embedded
	for len(current) > 0 {
		var next []level
		nextCounts := map[reflect.Type]int{}
		for _, lv := range current {
			if visited[lv.t] {
				continue
			}
			visited[lv.t] = true
			for i := 0; i < lv.t.NumField(); i++ {
				sf := lv.t.Field(i)
				if !sf.IsExported() && !sf.Anonymous {
					continue
				}
				var tg tag
				tg.parse(defaultTagKey, sf.Tag)
				if tagKey != "" && tagKey != defaultTagKey {
					tg.parse(tagKey, sf.Tag)
				}
				if tg.Ignore {
					continue
				}
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				index := append(append([]int(nil), lv.index...), i)
				if !sf.Anonymous || tg.Name != "" || ft.Kind() != reflect.Struct {
					if !sf.IsExported() {
						continue
					}
					f := field{tag: tg, Name: sf.Name, Index: index}
					if tg.Name != "" {
						f.Name, f.NamedByTag = tg.Name, true
					}
					out = append(out, f)
					if counts[lv.t] > 1 {
						// The same embedded type twice at one depth makes
						// its fields ambiguous: add a twin so dominant
						// drops them.
						out = append(out, f)
					}
					continue
				}
				nextCounts[ft]++
				if nextCounts[ft] == 1 {
					next = append(next, level{t: ft, index: index})
				}
			}
		}
		current, counts = next, nextCounts
	}
	return out
}

func dominant(fs []field) (field, bool) {
	depth := len(fs[0].Index)
	tagged := -1
	for i, f := range fs {
		if len(f.Index) > depth {
			fs = fs[:i]
			break
		}
		if f.NamedByTag {
			if tagged >= 0 {
				return field{}, false
			}
			tagged = i
		}
	}
	if tagged >= 0 {
		return fs[tagged], true
	}
	if len(fs) > 1 {
		return field{}, false
	}
	return fs[0], true
}

func indexLess(a, b []int) bool {
	for k := range a {
		if k >= len(b) {
			return false
		}
		if a[k] != b[k] {
			return a[k] < b[k]
		}
	}
	return len(a) < len(b)
}

// typeFacts are the per-type answers the encoder and decoder need for
// every value. Asking reflect each time (a type's name, its method sets,
// convertibility) was a large part of their cost, and guest code runs as
// WebAssembly, where reflection is slow.
type typeFacts struct {
	named      bool // t.Name() != ""
	mayMethods bool // t, or *t for a named non-pointer t, has methods
	number     bool // a string kind with Float64, Int64 and String (json.Number, Number)
	time       bool // convertible to time.Time
}

var factsCache sync.Map // reflect.Type -> *typeFacts

func factsOf(t reflect.Type) *typeFacts {
	if f, ok := factsCache.Load(t); ok {
		return f.(*typeFacts)
	}
	type number interface {
		Float64() (float64, error)
		Int64() (int64, error)
		String() string
	}
	f := &typeFacts{named: t.Name() != "", time: t.ConvertibleTo(timeType)}
	f.mayMethods = t.NumMethod() > 0 || (t.Kind() != reflect.Pointer && f.named && reflect.PointerTo(t).NumMethod() > 0)
	f.number = t.Kind() == reflect.String && t.Implements(reflect.TypeFor[number]())
	v, _ := factsCache.LoadOrStore(t, f)
	return v.(*typeFacts)
}
