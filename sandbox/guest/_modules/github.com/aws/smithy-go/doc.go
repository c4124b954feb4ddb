// Package smithy is learnsls's stand-in for github.com/aws/smithy-go: the
// error vocabulary every AWS service client shares. Learners reach for it to
// inspect failures generically, for example
//
//	var apiErr smithy.APIError
//	if errors.As(err, &apiErr) { log.Println(apiErr.ErrorCode()) }
//
// Only the error types are provided; the middleware stack, document types
// and serialisation framework of the real module are not needed because the
// guest clients send their requests through the learnsls host.
package smithy
