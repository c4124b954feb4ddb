package dynamodb

import (
	"fmt"
	"reflect"
	"strings"
)

// required lists the top-level members each operation cannot do without,
// checked before sending as the SDK's validation middleware does, so a
// forgotten TableName fails with the same message here as on AWS.
var required = map[string][]string{
	"PutItem":               {"TableName", "Item"},
	"GetItem":               {"TableName", "Key"},
	"UpdateItem":            {"TableName", "Key"},
	"DeleteItem":            {"TableName", "Key"},
	"Query":                 {"TableName"},
	"Scan":                  {"TableName"},
	"BatchGetItem":          {"RequestItems"},
	"BatchWriteItem":        {"RequestItems"},
	"TransactGetItems":      {"TransactItems"},
	"TransactWriteItems":    {"TransactItems"},
	"ExecuteStatement":      {"Statement"},
	"BatchExecuteStatement": {"Statements"},
	"ExecuteTransaction":    {"TransactStatements"},
	"CreateTable":           {"TableName"},
	"DescribeTable":         {"TableName"},
	"UpdateTable":           {"TableName"},
	"DeleteTable":           {"TableName"},
	"UpdateTimeToLive":      {"TableName", "TimeToLiveSpecification"},
	"DescribeTimeToLive":    {"TableName"},
}

// invalidParamsError formats like smithy.InvalidParamsError.
type invalidParamsError struct {
	fields []string
}

func (e *invalidParamsError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d validation error(s) found.\n", len(e.fields))
	for _, f := range e.fields {
		fmt.Fprintf(&b, "- missing required field, %s.\n", f)
	}
	return b.String()
}

func validate(op string, in any) error {
	names := required[op]
	if len(names) == 0 {
		return nil
	}
	v := reflect.ValueOf(in).Elem()
	var missing []string
	for _, n := range names {
		if v.FieldByName(n).IsNil() {
			missing = append(missing, op+"Input."+n)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return &invalidParamsError{fields: missing}
}
