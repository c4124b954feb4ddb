//go:build wasip1

package lambda

import "unsafe"

// The learnsls host functions; see sandbox/guest/ABI.md for the contract.

//go:wasmimport learnsls next_invocation
func abiNextInvocation(metaLen, payloadLen *uint32) uint32

//go:wasmimport learnsls read_invocation
func abiReadInvocation(meta, payload unsafe.Pointer)

//go:wasmimport learnsls invocation_response
func abiInvocationResponse(ptr unsafe.Pointer, n uint32)

//go:wasmimport learnsls invocation_error
func abiInvocationError(ptr unsafe.Pointer, n uint32)

// wasmRuntime reuses one buffer for the metadata, which is parsed (and
// its strings copied) before the next invocation; every payload gets its
// own buffer, since a handler may keep it.
type wasmRuntime struct{ meta []byte }

func hostRuntime() (runtimeAPI, error) { return &wasmRuntime{}, nil }

func (w *wasmRuntime) next() (meta, payload []byte, ok bool) {
	var metaLen, payloadLen uint32
	if abiNextInvocation(&metaLen, &payloadLen) != 0 {
		return nil, nil, false
	}
	if uint32(cap(w.meta)) < metaLen {
		w.meta = make([]byte, metaLen)
	}
	meta = w.meta[:metaLen]
	payload = make([]byte, payloadLen)
	abiReadInvocation(bufPtr(meta), bufPtr(payload))
	return meta, payload, true
}

func (*wasmRuntime) respond(b []byte) { abiInvocationResponse(bufPtr(b), uint32(len(b))) }

func (*wasmRuntime) fail(b []byte) { abiInvocationError(bufPtr(b), uint32(len(b))) }

// bufPtr is the address of b's first byte, or nil for an empty slice (the
// host copies nothing then).
func bufPtr(b []byte) unsafe.Pointer {
	if len(b) == 0 {
		return nil
	}
	return unsafe.Pointer(&b[0])
}
