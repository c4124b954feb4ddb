package build_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/learnsls/learnsls/sandbox/build"
)

const helloHandler = `package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	return events.APIGatewayProxyResponse{StatusCode: 200, Body: "hello " + req.Path}, nil
}

func main() { lambda.Start(handler) }
`

// BenchmarkBuildHelloWarm is the edit → build step a learner waits for:
// a new source each iteration (no artifact cache hit), warm GOCACHE.
func BenchmarkBuildHelloWarm(b *testing.B) {
	bl := newBuilder(b, build.Options{})
	if err := bl.Warm(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var cpu time.Duration
	for i := range b.N {
		art, err := bl.Build(context.Background(), src("main.go", fmt.Sprintf("%s// edit %d\n", helloHandler, i)))
		if err != nil {
			b.Fatal(err)
		}
		if art.Cached {
			b.Fatal("unexpected artifact cache hit")
		}
		cpu += art.CPUTime
	}
	// CPU time is what the build costs regardless of other load.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkBuildCached is a resubmission of an unchanged source.
func BenchmarkBuildCached(b *testing.B) {
	bl := newBuilder(b, build.Options{})
	s := src("main.go", helloHandler)
	if _, err := bl.Build(context.Background(), s); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		art, err := bl.Build(context.Background(), s)
		if err != nil || !art.Cached {
			b.Fatalf("cached=%v err=%v", art != nil && art.Cached, err)
		}
	}
}

// BenchmarkWarmCold is Warm on an empty GOCACHE: what serve does once.
func BenchmarkWarmCold(b *testing.B) {
	for range b.N {
		bl := newBuilder(b, build.Options{GoCacheDir: b.TempDir()})
		if err := bl.Warm(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
	}
}
