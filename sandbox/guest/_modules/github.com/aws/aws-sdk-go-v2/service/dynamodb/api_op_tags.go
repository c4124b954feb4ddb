package dynamodb

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// TagResourceInput is the input of TagResource.
type TagResourceInput struct {
	ResourceArn *string
	Tags        []types.Tag
}

// TagResourceOutput is the result of TagResource.
type TagResourceOutput struct{}

// TagResource adds or replaces tags on a table (by its ARN).
func (c *Client) TagResource(ctx context.Context, params *TagResourceInput, optFns ...func(*Options)) (*TagResourceOutput, error) {
	if params == nil {
		params = &TagResourceInput{}
	}
	out := &TagResourceOutput{}
	if err := c.invoke(ctx, "TagResource", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// UntagResourceInput is the input of UntagResource.
type UntagResourceInput struct {
	ResourceArn *string
	TagKeys     []string
}

// UntagResourceOutput is the result of UntagResource.
type UntagResourceOutput struct{}

// UntagResource removes tags from a table.
func (c *Client) UntagResource(ctx context.Context, params *UntagResourceInput, optFns ...func(*Options)) (*UntagResourceOutput, error) {
	if params == nil {
		params = &UntagResourceInput{}
	}
	out := &UntagResourceOutput{}
	if err := c.invoke(ctx, "UntagResource", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// ListTagsOfResourceInput is the input of ListTagsOfResource.
type ListTagsOfResourceInput struct {
	ResourceArn *string
	NextToken   *string
}

// ListTagsOfResourceOutput is the result of ListTagsOfResource.
type ListTagsOfResourceOutput struct {
	NextToken *string
	Tags      []types.Tag
}

// ListTagsOfResource lists a table's tags.
func (c *Client) ListTagsOfResource(ctx context.Context, params *ListTagsOfResourceInput, optFns ...func(*Options)) (*ListTagsOfResourceOutput, error) {
	if params == nil {
		params = &ListTagsOfResourceInput{}
	}
	out := &ListTagsOfResourceOutput{}
	if err := c.invoke(ctx, "ListTagsOfResource", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}
