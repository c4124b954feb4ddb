package dynamodb

import "github.com/aws/aws-sdk-go-v2/internal/awscall"

// validate checks required members before sending, as the SDK's
// validation middleware does, so a forgotten TableName (also inside a
// transaction or batch) fails with the same message here as on AWS.
func validate(_ string, in any) error {
	return awscall.Validate(in, required)
}
