// Package types holds the data types of the DynamoDB guest client: the
// AttributeValue union, the key, index, stream and table descriptions, the
// enums, and the service's errors (usable with errors.As).
package types

// AttributeValue is one DynamoDB value. It is a union: exactly one of the
// AttributeValueMember* types below, always used through a pointer, e.g.
//
//	&types.AttributeValueMemberS{Value: "alice"}
//
// and read back with a type switch on *types.AttributeValueMemberS and
// friends.
type AttributeValue interface {
	isAttributeValue()
}

// AttributeValueMemberB is a Binary value.
type AttributeValueMemberB struct {
	Value []byte
}

func (*AttributeValueMemberB) isAttributeValue() {}

// AttributeValueMemberBOOL is a Boolean value.
type AttributeValueMemberBOOL struct {
	Value bool
}

func (*AttributeValueMemberBOOL) isAttributeValue() {}

// AttributeValueMemberBS is a Binary Set.
type AttributeValueMemberBS struct {
	Value [][]byte
}

func (*AttributeValueMemberBS) isAttributeValue() {}

// AttributeValueMemberL is a List of values of any types.
type AttributeValueMemberL struct {
	Value []AttributeValue
}

func (*AttributeValueMemberL) isAttributeValue() {}

// AttributeValueMemberM is a Map from attribute names to values.
type AttributeValueMemberM struct {
	Value map[string]AttributeValue
}

func (*AttributeValueMemberM) isAttributeValue() {}

// AttributeValueMemberN is a Number, carried as a decimal string so that
// DynamoDB's 38 digits of precision survive.
type AttributeValueMemberN struct {
	Value string
}

func (*AttributeValueMemberN) isAttributeValue() {}

// AttributeValueMemberNS is a Number Set.
type AttributeValueMemberNS struct {
	Value []string
}

func (*AttributeValueMemberNS) isAttributeValue() {}

// AttributeValueMemberNULL is the Null value (Value is always true).
type AttributeValueMemberNULL struct {
	Value bool
}

func (*AttributeValueMemberNULL) isAttributeValue() {}

// AttributeValueMemberS is a String value.
type AttributeValueMemberS struct {
	Value string
}

func (*AttributeValueMemberS) isAttributeValue() {}

// AttributeValueMemberSS is a String Set.
type AttributeValueMemberSS struct {
	Value []string
}

func (*AttributeValueMemberSS) isAttributeValue() {}

// UnknownUnionMember is a value whose type tag this client does not know.
type UnknownUnionMember struct {
	Tag   string
	Value []byte
}

func (*UnknownUnionMember) isAttributeValue() {}
