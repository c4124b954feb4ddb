// Package aws is learnsls's stand-in for github.com/aws/aws-sdk-go-v2/aws:
// the shared Config that service clients are built from, the pointer
// helpers (String, ToString, Int32, …) used to fill optional input fields,
// and the credential and retry vocabulary that configuration code mentions.
//
// Inside learnsls every client call travels to the simulated services
// through the sandbox's aws_call host function, so nothing here opens a
// network connection, signs a request or reads credential files. Fields
// that only matter for real HTTP traffic are accepted and ignored, so that
// code written for AWS compiles and runs unchanged.
package aws
