//go:build !race

package lambda

// slowdown scales the wall-clock limits of tests that run guest code (see
// race_on_test.go).
const slowdown = 1
