package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-lambda-go/lambda"
)

// Request is the event: {"arn": "arn:aws:dynamodb:us-east-1:123456789012:table/Users"}.
type Request struct {
	ARN string `json:"arn"`
}

// Parts is the answer: the ARN's fields, and the resource split into its
// type and ID.
type Parts struct {
	Partition    string `json:"partition"`
	Service      string `json:"service"`
	Region       string `json:"region"`
	Account      string `json:"account"`
	Resource     string `json:"resource"`
	ResourceType string `json:"resourceType"`
	ResourceID   string `json:"resourceId"`
}

var partitions = map[string]bool{"aws": true, "aws-cn": true, "aws-us-gov": true}

func parse(arn string) (Parts, error) {
	// Six fields at most: colons inside the resource part stay together.
	f := strings.SplitN(arn, ":", 6)
	if len(f) != 6 || f[0] != "arn" {
		return Parts{}, fmt.Errorf("malformed ARN %q: want arn:partition:service:region:account-id:resource", arn)
	}
	p := Parts{Partition: f[1], Service: f[2], Region: f[3], Account: f[4], Resource: f[5]}
	switch {
	case !partitions[p.Partition]:
		return Parts{}, fmt.Errorf("malformed ARN %q: unknown partition %q", arn, p.Partition)
	case p.Service == "":
		return Parts{}, fmt.Errorf("malformed ARN %q: the service is empty (an extra colon?)", arn)
	case p.Resource == "":
		return Parts{}, fmt.Errorf("malformed ARN %q: the resource is empty", arn)
	}
	// The resource is "id", "type/id" or "type:id": whichever separator
	// comes first decides.
	if i := strings.IndexAny(p.Resource, "/:"); i >= 0 {
		p.ResourceType, p.ResourceID = p.Resource[:i], p.Resource[i+1:]
	} else {
		p.ResourceID = p.Resource
	}
	return p, nil
}

func handler(ctx context.Context, req Request) (Parts, error) {
	return parse(req.ARN)
}

func main() {
	lambda.Start(handler)
}
