package dynamodb

// ExecuteStatementInput is ExecuteStatement's request.
type ExecuteStatementInput struct {
	Statement                           string           `json:"Statement"`
	Parameters                          []AttributeValue `json:"Parameters,omitempty"`
	ConsistentRead                      bool             `json:"ConsistentRead,omitempty"`
	NextToken                           string           `json:"NextToken,omitempty"`
	Limit                               *int             `json:"Limit,omitempty"`
	ReturnConsumedCapacity              string           `json:"ReturnConsumedCapacity,omitempty"`
	ReturnValuesOnConditionCheckFailure string           `json:"ReturnValuesOnConditionCheckFailure,omitempty"`
}

// ExecuteStatementOutput is ExecuteStatement's response.
type ExecuteStatementOutput struct {
	Items            []Item            `json:"Items"`
	NextToken        string            `json:"NextToken,omitempty"`
	LastEvaluatedKey Item              `json:"LastEvaluatedKey,omitempty"`
	ConsumedCapacity *ConsumedCapacity `json:"ConsumedCapacity,omitempty"`
}

// BatchStatementRequest is one statement of BatchExecuteStatement.
type BatchStatementRequest struct {
	Statement                           string           `json:"Statement"`
	Parameters                          []AttributeValue `json:"Parameters,omitempty"`
	ConsistentRead                      bool             `json:"ConsistentRead,omitempty"`
	ReturnValuesOnConditionCheckFailure string           `json:"ReturnValuesOnConditionCheckFailure,omitempty"`
}

// BatchExecuteStatementInput is BatchExecuteStatement's request.
type BatchExecuteStatementInput struct {
	Statements             []BatchStatementRequest `json:"Statements"`
	ReturnConsumedCapacity string                  `json:"ReturnConsumedCapacity,omitempty"`
}

// BatchStatementResponse is one result of BatchExecuteStatement.
type BatchStatementResponse struct {
	TableName string               `json:"TableName,omitempty"`
	Item      Item                 `json:"Item,omitempty"`
	Error     *BatchStatementError `json:"Error,omitempty"`
}

// BatchStatementError is a per-statement error.
type BatchStatementError struct {
	Code    string `json:"Code"`
	Message string `json:"Message"`
	Item    Item   `json:"Item,omitempty"`
}

// BatchExecuteStatementOutput is BatchExecuteStatement's response.
type BatchExecuteStatementOutput struct {
	Responses        []BatchStatementResponse `json:"Responses"`
	ConsumedCapacity []ConsumedCapacity       `json:"ConsumedCapacity,omitempty"`
}

// ParameterizedStatement is one statement of ExecuteTransaction.
type ParameterizedStatement struct {
	Statement                           string           `json:"Statement"`
	Parameters                          []AttributeValue `json:"Parameters,omitempty"`
	ReturnValuesOnConditionCheckFailure string           `json:"ReturnValuesOnConditionCheckFailure,omitempty"`
}

// ExecuteTransactionInput is ExecuteTransaction's request.
type ExecuteTransactionInput struct {
	TransactStatements     []ParameterizedStatement `json:"TransactStatements"`
	ClientRequestToken     string                   `json:"ClientRequestToken,omitempty"`
	ReturnConsumedCapacity string                   `json:"ReturnConsumedCapacity,omitempty"`
}

// ExecuteTransactionOutput is ExecuteTransaction's response.
type ExecuteTransactionOutput struct {
	Responses        []ItemResponse     `json:"Responses,omitempty"`
	ConsumedCapacity []ConsumedCapacity `json:"ConsumedCapacity,omitempty"`
}
