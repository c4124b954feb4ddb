package grade

import (
	"embed"
	"sort"
	"strings"
)

//go:embed samples/*.json
var sampleFS embed.FS

// SampleEvents are AWS-shaped sample events that checks may invoke a
// function with by name (`invoke: {sample: sqs}`), keyed by file name
// without .json: apigateway-aws-proxy, apigateway-v2-http, sqs, sns,
// dynamodb-stream, eventbridge.
var SampleEvents = loadSamples()

func loadSamples() map[string][]byte {
	entries, err := sampleFS.ReadDir("samples")
	if err != nil {
		panic(err) // embedded above
	}
	m := make(map[string][]byte, len(entries))
	for _, e := range entries {
		b, err := sampleFS.ReadFile("samples/" + e.Name())
		if err != nil {
			panic(err)
		}
		m[strings.TrimSuffix(e.Name(), ".json")] = b
	}
	return m
}

func sampleNames() string {
	names := make([]string, 0, len(SampleEvents))
	for n := range SampleEvents {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// SamplesUsed lists the sample events the checks invoke functions with, in
// first-use order, so the exercise page can show them read-only.
func (s *Spec) SamplesUsed() []string {
	var out []string
	seen := map[string]bool{}
	var walk func([]Step)
	walk = func(steps []Step) {
		for _, st := range steps {
			if st.Invoke != nil && st.Invoke.Sample != "" && !seen[st.Invoke.Sample] {
				seen[st.Invoke.Sample] = true
				out = append(out, st.Invoke.Sample)
			}
			if st.Repeat != nil {
				walk(st.Repeat.Steps)
			}
		}
	}
	for _, c := range s.Checks {
		walk(c.Steps)
	}
	return out
}
