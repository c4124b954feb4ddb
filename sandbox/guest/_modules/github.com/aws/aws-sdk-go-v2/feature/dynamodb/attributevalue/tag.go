package attributevalue

import (
	"reflect"
	"strings"
)

// defaultTagKey is the struct tag key read by default.
const defaultTagKey = "dynamodbav"

// tag holds the options of one field's struct tag.
type tag struct {
	Name          string
	Ignore        bool
	OmitEmpty     bool
	OmitEmptyElem bool
	NullEmpty     bool
	NullEmptyElem bool
	AsString      bool
	AsBinSet      bool
	AsNumSet      bool
	AsStrSet      bool
	AsUnixTime    bool
}

// parse reads the tag under key, leaving t unchanged when it is absent.
func (t *tag) parse(key string, st reflect.StructTag) {
	s, ok := st.Lookup(key)
	if !ok || s == "" {
		return
	}
	parts := strings.Split(s, ",")
	if parts[0] == "-" {
		t.Name, t.Ignore = "", true
	} else {
		t.Name, t.Ignore = parts[0], false
	}
	for _, opt := range parts[1:] {
		switch opt {
		case "omitempty":
			t.OmitEmpty = true
		case "omitemptyelem":
			t.OmitEmptyElem = true
		case "nullempty":
			t.NullEmpty = true
		case "nullemptyelem":
			t.NullEmptyElem = true
		case "string":
			t.AsString = true
		case "binaryset":
			t.AsBinSet = true
		case "numberset":
			t.AsNumSet = true
		case "stringset":
			t.AsStrSet = true
		case "unixtime":
			t.AsUnixTime = true
		}
	}
}

// elemTag is the tag applied to the elements of a list, set or map field.
func (t tag) elemTag() tag {
	return tag{OmitEmpty: t.OmitEmptyElem, OmitEmptyElem: t.OmitEmptyElem, NullEmpty: t.NullEmptyElem}
}
