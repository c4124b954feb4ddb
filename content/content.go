// Package content holds the learnsls course: one folder per learning path,
// one folder per lesson, in the format described in README.md. It is
// embedded in the binary so the course needs no files at run time.
package content

import (
	"embed"
	"io/fs"
)

// course holds every path folder (their names start with a digit, as in
// 00-foundations). README.md and this file are not part of the course.
//
//go:embed [0-9]*
var course embed.FS

// FS returns the embedded course, rooted at the folder that holds the
// path folders. `learnsls serve --content DIR` uses os.DirFS(DIR) instead.
func FS() fs.FS { return course }
