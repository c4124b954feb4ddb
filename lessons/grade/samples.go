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
