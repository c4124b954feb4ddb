//go:build wasip1

package awscall

import (
	"context"
	"sync"
	"unsafe"
)

//go:wasmimport learnsls aws_call
func hostAWSCall(svc unsafe.Pointer, svcLen uint32, op unsafe.Pointer, opLen uint32, req unsafe.Pointer, reqLen uint32, respLen unsafe.Pointer) uint32

//go:wasmimport learnsls read_response
func hostReadResponse(ptr unsafe.Pointer)

// pairMu keeps an aws_call and the read_response that collects its body
// together: the host holds only the body of the last call, and another
// goroutine may run between the two host calls.
var pairMu sync.Mutex

func call(_ context.Context, service, operation string, request []byte) (int, []byte, error) {
	pairMu.Lock()
	defer pairMu.Unlock()
	var n uint32
	status := hostAWSCall(
		unsafe.Pointer(unsafe.StringData(service)), uint32(len(service)),
		unsafe.Pointer(unsafe.StringData(operation)), uint32(len(operation)),
		unsafe.Pointer(unsafe.SliceData(request)), uint32(len(request)),
		unsafe.Pointer(&n))
	body := make([]byte, n)
	if n > 0 {
		hostReadResponse(unsafe.Pointer(&body[0]))
	}
	return int(status), body, nil
}
