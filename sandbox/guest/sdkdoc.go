package guest

import _ "embed"

//go:embed SDK.md
var sdkDoc []byte

// SDKDoc returns SDK.md, the learner-facing list of the AWS SDK packages,
// functions and operations the guest modules implement. The build's hint
// for an unsupported AWS API links to the page that serves it.
func SDKDoc() []byte { return sdkDoc }
