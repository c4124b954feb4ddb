// Package static holds the web app's stylesheets, scripts and icons,
// embedded so `learnsls` is a single binary that needs no files and no
// outside origin at run time.
//
// Files: app.css (layout, typography, light and dark themes), theme.js (the
// theme toggle; pages work without it), icon.svg, and editor.js (the code
// editor bundle, rebuilt from editor/ by editor/build.sh).
package static

import (
	"embed"
	"io/fs"
)

//go:embed *.css *.js *.svg
var files embed.FS

// FS returns the embedded static files, served under /static/.
func FS() fs.FS { return files }
