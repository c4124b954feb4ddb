package sns

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sns/types"
)

// PublishInput is the input of Publish.
type PublishInput struct {
	Message                *string
	MessageAttributes      map[string]types.MessageAttributeValue
	MessageDeduplicationId *string
	MessageGroupId         *string
	MessageStructure       *string
	PhoneNumber            *string
	Subject                *string
	TargetArn              *string
	TopicArn               *string
}

// PublishOutput is the result of Publish.
type PublishOutput struct {
	MessageId      *string
	SequenceNumber *string
}

// Publish sends a message to a topic (or to a phone number or mobile endpoint); subscribers whose filter policy matches receive it.
func (c *Client) Publish(ctx context.Context, params *PublishInput, optFns ...func(*Options)) (*PublishOutput, error) {
	if params == nil {
		params = &PublishInput{}
	}
	out := &PublishOutput{}
	if err := c.invoke(ctx, "Publish", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// PublishBatchInput is the input of PublishBatch.
type PublishBatchInput struct {
	PublishBatchRequestEntries []types.PublishBatchRequestEntry
	TopicArn                   *string
}

// PublishBatchOutput is the result of PublishBatch.
type PublishBatchOutput struct {
	Failed     []types.BatchResultErrorEntry
	Successful []types.PublishBatchResultEntry
}

// PublishBatch publishes up to 10 messages to a topic; each entry succeeds or fails on its own.
func (c *Client) PublishBatch(ctx context.Context, params *PublishBatchInput, optFns ...func(*Options)) (*PublishBatchOutput, error) {
	if params == nil {
		params = &PublishBatchInput{}
	}
	out := &PublishBatchOutput{}
	if err := c.invoke(ctx, "PublishBatch", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// CreateTopicInput is the input of CreateTopic.
type CreateTopicInput struct {
	Name                 *string
	Attributes           map[string]string
	DataProtectionPolicy *string
	Tags                 []types.Tag
}

// CreateTopicOutput is the result of CreateTopic.
type CreateTopicOutput struct {
	TopicArn *string
}

// CreateTopic creates a topic (FIFO when the name ends in .fifo), or returns the existing one's ARN.
func (c *Client) CreateTopic(ctx context.Context, params *CreateTopicInput, optFns ...func(*Options)) (*CreateTopicOutput, error) {
	if params == nil {
		params = &CreateTopicInput{}
	}
	out := &CreateTopicOutput{}
	if err := c.invoke(ctx, "CreateTopic", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// SubscribeInput is the input of Subscribe.
type SubscribeInput struct {
	Protocol              *string
	TopicArn              *string
	Attributes            map[string]string
	Endpoint              *string
	ReturnSubscriptionArn bool
}

// SubscribeOutput is the result of Subscribe.
type SubscribeOutput struct {
	SubscriptionArn *string
}

// Subscribe subscribes an endpoint (Lambda, SQS, …) to a topic.
func (c *Client) Subscribe(ctx context.Context, params *SubscribeInput, optFns ...func(*Options)) (*SubscribeOutput, error) {
	if params == nil {
		params = &SubscribeInput{}
	}
	out := &SubscribeOutput{}
	if err := c.invoke(ctx, "Subscribe", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// ListTopicsInput is the input of ListTopics.
type ListTopicsInput struct {
	NextToken *string
}

// ListTopicsOutput is the result of ListTopics.
type ListTopicsOutput struct {
	NextToken *string
	Topics    []types.Topic
}

// ListTopics lists topic ARNs, 100 per page.
func (c *Client) ListTopics(ctx context.Context, params *ListTopicsInput, optFns ...func(*Options)) (*ListTopicsOutput, error) {
	if params == nil {
		params = &ListTopicsInput{}
	}
	out := &ListTopicsOutput{}
	if err := c.invoke(ctx, "ListTopics", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}
