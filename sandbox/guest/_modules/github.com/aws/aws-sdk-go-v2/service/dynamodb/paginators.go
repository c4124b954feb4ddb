package dynamodb

import (
	"context"
	"errors"
	"reflect"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// errNoMorePages is what NextPage returns after the last page.
var errNoMorePages = errors.New("no more pages available")

// QueryPaginatorOptions configures a QueryPaginator.
type QueryPaginatorOptions struct {
	// Limit is the page size (the input's Limit when not set).
	Limit int32
}

// QueryPaginator walks every page of a Query, following LastEvaluatedKey.
type QueryPaginator struct {
	options   QueryPaginatorOptions
	client    QueryAPIClient
	params    *QueryInput
	nextKey   map[string]types.AttributeValue
	firstPage bool
}

// NewQueryPaginator returns a paginator over params' results.
func NewQueryPaginator(client QueryAPIClient, params *QueryInput, optFns ...func(*QueryPaginatorOptions)) *QueryPaginator {
	if params == nil {
		params = &QueryInput{}
	}
	var o QueryPaginatorOptions
	if params.Limit != nil {
		o.Limit = *params.Limit
	}
	for _, fn := range optFns {
		fn(&o)
	}
	return &QueryPaginator{options: o, client: client, params: params, nextKey: params.ExclusiveStartKey, firstPage: true}
}

// HasMorePages reports whether NextPage has a page to return.
func (p *QueryPaginator) HasMorePages() bool { return p.firstPage || p.nextKey != nil }

// NextPage fetches the next page.
func (p *QueryPaginator) NextPage(ctx context.Context, optFns ...func(*Options)) (*QueryOutput, error) {
	if !p.HasMorePages() {
		return nil, errNoMorePages
	}
	params := *p.params
	params.ExclusiveStartKey = p.nextKey
	params.Limit = pageLimit(p.options.Limit)
	out, err := p.client.Query(ctx, &params, optFns...)
	if err != nil {
		return nil, err
	}
	p.firstPage = false
	p.nextKey = out.LastEvaluatedKey
	return out, nil
}

// ScanPaginatorOptions configures a ScanPaginator.
type ScanPaginatorOptions struct {
	// Limit is the page size (the input's Limit when not set).
	Limit int32
}

// ScanPaginator walks every page of a Scan, following LastEvaluatedKey.
type ScanPaginator struct {
	options   ScanPaginatorOptions
	client    ScanAPIClient
	params    *ScanInput
	nextKey   map[string]types.AttributeValue
	firstPage bool
}

// NewScanPaginator returns a paginator over params' results.
func NewScanPaginator(client ScanAPIClient, params *ScanInput, optFns ...func(*ScanPaginatorOptions)) *ScanPaginator {
	if params == nil {
		params = &ScanInput{}
	}
	var o ScanPaginatorOptions
	if params.Limit != nil {
		o.Limit = *params.Limit
	}
	for _, fn := range optFns {
		fn(&o)
	}
	return &ScanPaginator{options: o, client: client, params: params, nextKey: params.ExclusiveStartKey, firstPage: true}
}

// HasMorePages reports whether NextPage has a page to return.
func (p *ScanPaginator) HasMorePages() bool { return p.firstPage || p.nextKey != nil }

// NextPage fetches the next page.
func (p *ScanPaginator) NextPage(ctx context.Context, optFns ...func(*Options)) (*ScanOutput, error) {
	if !p.HasMorePages() {
		return nil, errNoMorePages
	}
	params := *p.params
	params.ExclusiveStartKey = p.nextKey
	params.Limit = pageLimit(p.options.Limit)
	out, err := p.client.Scan(ctx, &params, optFns...)
	if err != nil {
		return nil, err
	}
	p.firstPage = false
	p.nextKey = out.LastEvaluatedKey
	return out, nil
}

// ListTablesPaginatorOptions configures a ListTablesPaginator.
type ListTablesPaginatorOptions struct {
	// Limit is the page size (the input's Limit when not set).
	Limit int32
	// StopOnDuplicateToken stops when the service repeats a token.
	StopOnDuplicateToken bool
}

// ListTablesPaginator walks every page of ListTables.
type ListTablesPaginator struct {
	options   ListTablesPaginatorOptions
	client    ListTablesAPIClient
	params    *ListTablesInput
	nextToken *string
	firstPage bool
}

// NewListTablesPaginator returns a paginator over the table names.
func NewListTablesPaginator(client ListTablesAPIClient, params *ListTablesInput, optFns ...func(*ListTablesPaginatorOptions)) *ListTablesPaginator {
	if params == nil {
		params = &ListTablesInput{}
	}
	var o ListTablesPaginatorOptions
	if params.Limit != nil {
		o.Limit = *params.Limit
	}
	for _, fn := range optFns {
		fn(&o)
	}
	return &ListTablesPaginator{options: o, client: client, params: params, nextToken: params.ExclusiveStartTableName, firstPage: true}
}

// HasMorePages reports whether NextPage has a page to return.
func (p *ListTablesPaginator) HasMorePages() bool {
	return p.firstPage || (p.nextToken != nil && len(*p.nextToken) != 0)
}

// NextPage fetches the next page.
func (p *ListTablesPaginator) NextPage(ctx context.Context, optFns ...func(*Options)) (*ListTablesOutput, error) {
	if !p.HasMorePages() {
		return nil, errNoMorePages
	}
	params := *p.params
	params.ExclusiveStartTableName = p.nextToken
	params.Limit = pageLimit(p.options.Limit)
	out, err := p.client.ListTables(ctx, &params, optFns...)
	if err != nil {
		return nil, err
	}
	p.firstPage = false
	prev := p.nextToken
	p.nextToken = out.LastEvaluatedTableName
	if p.options.StopOnDuplicateToken && prev != nil && p.nextToken != nil && *prev == *p.nextToken {
		p.nextToken = nil
	}
	return out, nil
}

// BatchGetItemPaginatorOptions configures a BatchGetItemPaginator.
type BatchGetItemPaginatorOptions struct {
	// StopOnDuplicateToken stops when UnprocessedKeys repeats unchanged.
	StopOnDuplicateToken bool
}

// BatchGetItemPaginator re-sends UnprocessedKeys until every key is read.
type BatchGetItemPaginator struct {
	options      BatchGetItemPaginatorOptions
	client       BatchGetItemAPIClient
	params       *BatchGetItemInput
	requestItems map[string]types.KeysAndAttributes
	firstPage    bool
	truncated    bool
}

// NewBatchGetItemPaginator returns a paginator over params' keys.
func NewBatchGetItemPaginator(client BatchGetItemAPIClient, params *BatchGetItemInput, optFns ...func(*BatchGetItemPaginatorOptions)) *BatchGetItemPaginator {
	if params == nil {
		params = &BatchGetItemInput{}
	}
	var o BatchGetItemPaginatorOptions
	for _, fn := range optFns {
		fn(&o)
	}
	return &BatchGetItemPaginator{options: o, client: client, params: params, requestItems: params.RequestItems, firstPage: true}
}

// HasMorePages reports whether NextPage has a page to return.
func (p *BatchGetItemPaginator) HasMorePages() bool { return p.firstPage || p.truncated }

// NextPage sends the keys still to read.
func (p *BatchGetItemPaginator) NextPage(ctx context.Context, optFns ...func(*Options)) (*BatchGetItemOutput, error) {
	if !p.HasMorePages() {
		return nil, errNoMorePages
	}
	params := *p.params
	params.RequestItems = p.requestItems
	out, err := p.client.BatchGetItem(ctx, &params, optFns...)
	if err != nil {
		return nil, err
	}
	p.firstPage = false
	prev := p.requestItems
	p.truncated = len(out.UnprocessedKeys) != 0
	p.requestItems = nil
	if p.truncated {
		p.requestItems = out.UnprocessedKeys
	}
	if p.options.StopOnDuplicateToken && prev != nil && p.requestItems != nil && reflect.DeepEqual(prev, p.requestItems) {
		p.truncated = false
	}
	return out, nil
}

func pageLimit(n int32) *int32 {
	if n > 0 {
		return &n
	}
	return nil
}
