package iam

import "testing"

func TestClosest(t *testing.T) {
	tests := []struct {
		s    string
		cand []string
		want string
	}{
		{"Statment", []string{"Version", "Id", "Statement"}, "Statement"},
		{"GetItems", []string{"GetItem", "PutItem", "Query"}, "GetItem"},
		{"dynamdb", []string{"dynamodb", "lambda"}, "dynamodb"},
		{"aws:SorceIp", []string{"aws:SourceIp", "aws:SourceArn"}, "aws:SourceIp"},
		{"Frobnicate", []string{"GetItem", "PutItem"}, ""},
		{"Id", []string{"Sid"}, "Sid"},
		{"xy", []string{"Sid"}, ""},
	}
	for _, tt := range tests {
		if got := closest(tt.s, tt.cand); got != tt.want {
			t.Errorf("closest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
