package sesv2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sesv2/types"
)

// SendEmailInput is the input of SendEmail.
type SendEmailInput struct {
	Content                                   *types.EmailContent
	ConfigurationOverrides                    *types.ConfigurationOverrides
	ConfigurationSetName                      *string
	Destination                               *types.Destination
	EmailTags                                 []types.MessageTag
	EndpointId                                *string
	FeedbackForwardingEmailAddress            *string
	FeedbackForwardingEmailAddressIdentityArn *string
	FromEmailAddress                          *string
	FromEmailAddressIdentityArn               *string
	ListManagementOptions                     *types.ListManagementOptions
	ReplyToAddresses                          []string
	TenantName                                *string
}

// SendEmailOutput is the result of SendEmail.
type SendEmailOutput struct {
	MessageId *string
}

// SendEmail sends a simple (subject and body), raw (MIME) or templated email.
func (c *Client) SendEmail(ctx context.Context, params *SendEmailInput, optFns ...func(*Options)) (*SendEmailOutput, error) {
	if params == nil {
		params = &SendEmailInput{}
	}
	out := &SendEmailOutput{}
	if err := c.invoke(ctx, "SendEmail", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}
