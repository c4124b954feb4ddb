//go:build race

package lambda

// slowdown scales the wall-clock limits of tests that run guest code: the
// race detector instruments wazero's interpreter too, so guests run many
// times slower.
const slowdown = 10
