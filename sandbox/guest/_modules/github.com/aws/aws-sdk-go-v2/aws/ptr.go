package aws

// The exported helpers in ptr_gen.go are thin, non-generic wrappers (as in
// the real SDK, whose functions are not generic) over these four.

func ptr[T any](v T) *T { return &v }

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func ptrSlice[T any](vs []T) []*T {
	out := make([]*T, len(vs))
	for i := range vs {
		v := vs[i]
		out[i] = &v
	}
	return out
}

func derefSlice[T any](vs []*T) []T {
	out := make([]T, len(vs))
	for i, p := range vs {
		out[i] = deref(p)
	}
	return out
}

func ptrMap[T any](vs map[string]T) map[string]*T {
	out := make(map[string]*T, len(vs))
	for k, v := range vs {
		out[k] = ptr(v)
	}
	return out
}

func derefMap[T any](vs map[string]*T) map[string]T {
	out := make(map[string]T, len(vs))
	for k, p := range vs {
		out[k] = deref(p)
	}
	return out
}
