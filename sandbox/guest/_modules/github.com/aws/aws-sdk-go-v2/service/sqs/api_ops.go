package sqs

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// SendMessageInput is the input of SendMessage.
type SendMessageInput struct {
	MessageBody             *string
	QueueUrl                *string
	DelaySeconds            int32
	MessageAttributes       map[string]types.MessageAttributeValue
	MessageDeduplicationId  *string
	MessageGroupId          *string
	MessageSystemAttributes map[string]types.MessageSystemAttributeValue
}

// SendMessageOutput is the result of SendMessage.
type SendMessageOutput struct {
	MD5OfMessageAttributes       *string
	MD5OfMessageBody             *string
	MD5OfMessageSystemAttributes *string
	MessageId                    *string
	SequenceNumber               *string
}

// SendMessage delivers a message to a queue.
func (c *Client) SendMessage(ctx context.Context, params *SendMessageInput, optFns ...func(*Options)) (*SendMessageOutput, error) {
	if params == nil {
		params = &SendMessageInput{}
	}
	out := &SendMessageOutput{}
	if err := c.invoke(ctx, "SendMessage", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// SendMessageBatchInput is the input of SendMessageBatch.
type SendMessageBatchInput struct {
	Entries  []types.SendMessageBatchRequestEntry
	QueueUrl *string
}

// SendMessageBatchOutput is the result of SendMessageBatch.
type SendMessageBatchOutput struct {
	Failed     []types.BatchResultErrorEntry
	Successful []types.SendMessageBatchResultEntry
}

// SendMessageBatch delivers up to 10 messages to a queue; each entry succeeds or fails on its own.
func (c *Client) SendMessageBatch(ctx context.Context, params *SendMessageBatchInput, optFns ...func(*Options)) (*SendMessageBatchOutput, error) {
	if params == nil {
		params = &SendMessageBatchInput{}
	}
	out := &SendMessageBatchOutput{}
	if err := c.invoke(ctx, "SendMessageBatch", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// ReceiveMessageInput is the input of ReceiveMessage.
type ReceiveMessageInput struct {
	QueueUrl                    *string
	AttributeNames              []types.QueueAttributeName
	MaxNumberOfMessages         int32
	MessageAttributeNames       []string
	MessageSystemAttributeNames []types.MessageSystemAttributeName
	ReceiveRequestAttemptId     *string
	VisibilityTimeout           int32
	WaitTimeSeconds             int32
}

// ReceiveMessageOutput is the result of ReceiveMessage.
type ReceiveMessageOutput struct {
	Messages []types.Message
}

// ReceiveMessage returns up to 10 messages (MaxNumberOfMessages), waiting up to WaitTimeSeconds; received messages stay invisible for the visibility timeout.
func (c *Client) ReceiveMessage(ctx context.Context, params *ReceiveMessageInput, optFns ...func(*Options)) (*ReceiveMessageOutput, error) {
	if params == nil {
		params = &ReceiveMessageInput{}
	}
	out := &ReceiveMessageOutput{}
	if err := c.invoke(ctx, "ReceiveMessage", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteMessageInput is the input of DeleteMessage.
type DeleteMessageInput struct {
	QueueUrl      *string
	ReceiptHandle *string
}

// DeleteMessageOutput is the result of DeleteMessage.
type DeleteMessageOutput struct {
}

// DeleteMessage deletes a received message by its receipt handle.
func (c *Client) DeleteMessage(ctx context.Context, params *DeleteMessageInput, optFns ...func(*Options)) (*DeleteMessageOutput, error) {
	if params == nil {
		params = &DeleteMessageInput{}
	}
	out := &DeleteMessageOutput{}
	if err := c.invoke(ctx, "DeleteMessage", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteMessageBatchInput is the input of DeleteMessageBatch.
type DeleteMessageBatchInput struct {
	Entries  []types.DeleteMessageBatchRequestEntry
	QueueUrl *string
}

// DeleteMessageBatchOutput is the result of DeleteMessageBatch.
type DeleteMessageBatchOutput struct {
	Failed     []types.BatchResultErrorEntry
	Successful []types.DeleteMessageBatchResultEntry
}

// DeleteMessageBatch deletes up to 10 received messages.
func (c *Client) DeleteMessageBatch(ctx context.Context, params *DeleteMessageBatchInput, optFns ...func(*Options)) (*DeleteMessageBatchOutput, error) {
	if params == nil {
		params = &DeleteMessageBatchInput{}
	}
	out := &DeleteMessageBatchOutput{}
	if err := c.invoke(ctx, "DeleteMessageBatch", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// ChangeMessageVisibilityInput is the input of ChangeMessageVisibility.
type ChangeMessageVisibilityInput struct {
	QueueUrl          *string
	ReceiptHandle     *string
	VisibilityTimeout int32 `wire:",always"`
}

// ChangeMessageVisibilityOutput is the result of ChangeMessageVisibility.
type ChangeMessageVisibilityOutput struct {
}

// ChangeMessageVisibility changes how long a received message stays invisible.
func (c *Client) ChangeMessageVisibility(ctx context.Context, params *ChangeMessageVisibilityInput, optFns ...func(*Options)) (*ChangeMessageVisibilityOutput, error) {
	if params == nil {
		params = &ChangeMessageVisibilityInput{}
	}
	out := &ChangeMessageVisibilityOutput{}
	if err := c.invoke(ctx, "ChangeMessageVisibility", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// ChangeMessageVisibilityBatchInput is the input of ChangeMessageVisibilityBatch.
type ChangeMessageVisibilityBatchInput struct {
	Entries  []types.ChangeMessageVisibilityBatchRequestEntry
	QueueUrl *string
}

// ChangeMessageVisibilityBatchOutput is the result of ChangeMessageVisibilityBatch.
type ChangeMessageVisibilityBatchOutput struct {
	Failed     []types.BatchResultErrorEntry
	Successful []types.ChangeMessageVisibilityBatchResultEntry
}

// ChangeMessageVisibilityBatch changes the visibility timeout of up to 10 messages.
func (c *Client) ChangeMessageVisibilityBatch(ctx context.Context, params *ChangeMessageVisibilityBatchInput, optFns ...func(*Options)) (*ChangeMessageVisibilityBatchOutput, error) {
	if params == nil {
		params = &ChangeMessageVisibilityBatchInput{}
	}
	out := &ChangeMessageVisibilityBatchOutput{}
	if err := c.invoke(ctx, "ChangeMessageVisibilityBatch", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// GetQueueUrlInput is the input of GetQueueUrl.
type GetQueueUrlInput struct {
	QueueName              *string
	QueueOwnerAWSAccountId *string
}

// GetQueueUrlOutput is the result of GetQueueUrl.
type GetQueueUrlOutput struct {
	QueueUrl *string
}

// GetQueueUrl returns the URL of a queue by name.
func (c *Client) GetQueueUrl(ctx context.Context, params *GetQueueUrlInput, optFns ...func(*Options)) (*GetQueueUrlOutput, error) {
	if params == nil {
		params = &GetQueueUrlInput{}
	}
	out := &GetQueueUrlOutput{}
	if err := c.invoke(ctx, "GetQueueUrl", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// GetQueueAttributesInput is the input of GetQueueAttributes.
type GetQueueAttributesInput struct {
	QueueUrl       *string
	AttributeNames []types.QueueAttributeName
}

// GetQueueAttributesOutput is the result of GetQueueAttributes.
type GetQueueAttributesOutput struct {
	Attributes map[string]string
}

// GetQueueAttributes returns a queue's attributes.
func (c *Client) GetQueueAttributes(ctx context.Context, params *GetQueueAttributesInput, optFns ...func(*Options)) (*GetQueueAttributesOutput, error) {
	if params == nil {
		params = &GetQueueAttributesInput{}
	}
	out := &GetQueueAttributesOutput{}
	if err := c.invoke(ctx, "GetQueueAttributes", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// SetQueueAttributesInput is the input of SetQueueAttributes.
type SetQueueAttributesInput struct {
	Attributes map[string]string
	QueueUrl   *string
}

// SetQueueAttributesOutput is the result of SetQueueAttributes.
type SetQueueAttributesOutput struct {
}

// SetQueueAttributes changes a queue's attributes.
func (c *Client) SetQueueAttributes(ctx context.Context, params *SetQueueAttributesInput, optFns ...func(*Options)) (*SetQueueAttributesOutput, error) {
	if params == nil {
		params = &SetQueueAttributesInput{}
	}
	out := &SetQueueAttributesOutput{}
	if err := c.invoke(ctx, "SetQueueAttributes", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// CreateQueueInput is the input of CreateQueue.
type CreateQueueInput struct {
	QueueName  *string
	Attributes map[string]string
	Tags       map[string]string `wire:"tags"`
}

// CreateQueueOutput is the result of CreateQueue.
type CreateQueueOutput struct {
	QueueUrl *string
}

// CreateQueue creates a queue (standard, or FIFO when the name ends in .fifo).
func (c *Client) CreateQueue(ctx context.Context, params *CreateQueueInput, optFns ...func(*Options)) (*CreateQueueOutput, error) {
	if params == nil {
		params = &CreateQueueInput{}
	}
	out := &CreateQueueOutput{}
	if err := c.invoke(ctx, "CreateQueue", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteQueueInput is the input of DeleteQueue.
type DeleteQueueInput struct {
	QueueUrl *string
}

// DeleteQueueOutput is the result of DeleteQueue.
type DeleteQueueOutput struct {
}

// DeleteQueue deletes a queue and its messages.
func (c *Client) DeleteQueue(ctx context.Context, params *DeleteQueueInput, optFns ...func(*Options)) (*DeleteQueueOutput, error) {
	if params == nil {
		params = &DeleteQueueInput{}
	}
	out := &DeleteQueueOutput{}
	if err := c.invoke(ctx, "DeleteQueue", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// ListQueuesInput is the input of ListQueues.
type ListQueuesInput struct {
	MaxResults      *int32
	NextToken       *string
	QueueNamePrefix *string
}

// ListQueuesOutput is the result of ListQueues.
type ListQueuesOutput struct {
	NextToken *string
	QueueUrls []string
}

// ListQueues lists queue URLs, optionally by name prefix.
func (c *Client) ListQueues(ctx context.Context, params *ListQueuesInput, optFns ...func(*Options)) (*ListQueuesOutput, error) {
	if params == nil {
		params = &ListQueuesInput{}
	}
	out := &ListQueuesOutput{}
	if err := c.invoke(ctx, "ListQueues", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// PurgeQueueInput is the input of PurgeQueue.
type PurgeQueueInput struct {
	QueueUrl *string
}

// PurgeQueueOutput is the result of PurgeQueue.
type PurgeQueueOutput struct {
}

// PurgeQueue deletes every message in a queue.
func (c *Client) PurgeQueue(ctx context.Context, params *PurgeQueueInput, optFns ...func(*Options)) (*PurgeQueueOutput, error) {
	if params == nil {
		params = &PurgeQueueInput{}
	}
	out := &PurgeQueueOutput{}
	if err := c.invoke(ctx, "PurgeQueue", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}
