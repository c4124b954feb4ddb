// Package attributevalue is learnsls's stand-in for
// github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue: it converts
// Go values to and from DynamoDB AttributeValues with the same rules as the
// real package, so items written here read the same on AWS.
//
// Go to DynamoDB (Marshal, MarshalMap, MarshalList):
//   - bool → BOOL; string → S; integers and floats → N; []byte → B;
//   - slices and arrays → L, or a set with the `stringset`, `numberset`
//     and `binaryset` tag options ([][]byte is a BS by default); an empty
//     set becomes NULL, since DynamoDB has no empty sets;
//   - maps → M (keys may be strings, numbers, bools or TextMarshalers);
//   - structs → M of their exported fields, embedded structs flattened;
//   - time.Time → S in RFC 3339 (N of epoch seconds with `unixtime`);
//   - nil pointers, maps, slices and interfaces → NULL;
//   - a type with MarshalDynamoDBAttributeValue decides for itself.
//
// Struct tags use the key `dynamodbav`: `dynamodbav:"name,omitempty"`,
// `dynamodbav:"-"` to skip a field, and the options omitempty,
// omitemptyelem, nullempty, nullemptyelem, string, stringset, numberset,
// binaryset and unixtime. Decoding matches attribute names to field names
// exactly first, then case-insensitively.
package attributevalue
