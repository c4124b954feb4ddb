package aws

// ClientLogMode selects what a real SDK client logs. It is accepted so
// debugging code compiles; the guest clients log nothing (calls never
// touch HTTP, so there is no request or signature to show).
type ClientLogMode uint64

// The log mode bits.
const (
	LogSigning ClientLogMode = 1 << (64 - 1 - iota)
	LogRetries
	LogRequest
	LogRequestWithBody
	LogResponse
	LogResponseWithBody
	LogDeprecatedUsage
	LogRequestEventMessage
	LogResponseEventMessage
)

// IsSigning reports whether LogSigning is set.
func (m ClientLogMode) IsSigning() bool { return m&LogSigning != 0 }

// IsRetries reports whether LogRetries is set.
func (m ClientLogMode) IsRetries() bool { return m&LogRetries != 0 }

// IsRequest reports whether LogRequest is set.
func (m ClientLogMode) IsRequest() bool { return m&LogRequest != 0 }

// IsRequestWithBody reports whether LogRequestWithBody is set.
func (m ClientLogMode) IsRequestWithBody() bool { return m&LogRequestWithBody != 0 }

// IsResponse reports whether LogResponse is set.
func (m ClientLogMode) IsResponse() bool { return m&LogResponse != 0 }

// IsResponseWithBody reports whether LogResponseWithBody is set.
func (m ClientLogMode) IsResponseWithBody() bool { return m&LogResponseWithBody != 0 }

// IsDeprecatedUsage reports whether LogDeprecatedUsage is set.
func (m ClientLogMode) IsDeprecatedUsage() bool { return m&LogDeprecatedUsage != 0 }

// IsRequestEventMessage reports whether LogRequestEventMessage is set.
func (m ClientLogMode) IsRequestEventMessage() bool { return m&LogRequestEventMessage != 0 }

// IsResponseEventMessage reports whether LogResponseEventMessage is set.
func (m ClientLogMode) IsResponseEventMessage() bool { return m&LogResponseEventMessage != 0 }

// ClearSigning clears LogSigning.
func (m *ClientLogMode) ClearSigning() { *m &^= LogSigning }

// ClearRetries clears LogRetries.
func (m *ClientLogMode) ClearRetries() { *m &^= LogRetries }

// ClearRequest clears LogRequest.
func (m *ClientLogMode) ClearRequest() { *m &^= LogRequest }

// ClearRequestWithBody clears LogRequestWithBody.
func (m *ClientLogMode) ClearRequestWithBody() { *m &^= LogRequestWithBody }

// ClearResponse clears LogResponse.
func (m *ClientLogMode) ClearResponse() { *m &^= LogResponse }

// ClearResponseWithBody clears LogResponseWithBody.
func (m *ClientLogMode) ClearResponseWithBody() { *m &^= LogResponseWithBody }
