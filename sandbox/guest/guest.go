// Package guest embeds our implementations of the AWS modules that learners
// import (github.com/aws/aws-lambda-go, github.com/aws/aws-sdk-go-v2 and its
// service modules). The build maps those module paths to these sources with
// replace directives, so a learner's handler compiles here and on AWS alike.
//
// The sources live under _modules/<module path>/ so the host's go tool
// ignores them (they build only for GOOS=wasip1 and with the guest's own
// import paths). Each module root holds a file named go.mod.embed, which the
// build writes out as go.mod: a real go.mod file cannot be embedded.
package guest

import (
	"embed"
	"io/fs"
)

//go:embed all:_modules
var modules embed.FS

// Modules returns the guest module tree, rooted so that paths start with the
// module path, e.g. "github.com/aws/aws-lambda-go/lambda/entry.go".
func Modules() fs.FS {
	sub, err := fs.Sub(modules, "_modules")
	if err != nil {
		panic(err) // the directory is embedded above; unreachable
	}
	return sub
}
