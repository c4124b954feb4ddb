package awscall

import "testing"

func TestErrorInfo(t *testing.T) {
	tests := []struct{ body, code, msg string }{
		{`{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"m"}`, "ResourceNotFoundException", "m"},
		{`{"__type":"com.amazon.coral.validate#ValidationException:http://x","Message":"M"}`, "ValidationException", "M"},
		{`{"code":"AWS.SimpleQueueService.NonExistentQueue","message":"q"}`, "AWS.SimpleQueueService.NonExistentQueue", "q"},
		{`not json`, "", ""},
		{``, "", ""},
	}
	for _, tt := range tests {
		code, msg := ErrorInfo([]byte(tt.body))
		if code != tt.code || msg != tt.msg {
			t.Errorf("ErrorInfo(%s) = %q, %q; want %q, %q", tt.body, code, msg, tt.code, tt.msg)
		}
	}
}

func FuzzErrorInfo(f *testing.F) {
	f.Add([]byte(`{"__type":"a#b:c","message":"m"}`))
	f.Add([]byte(`{"__type":1}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		_, _ = ErrorInfo(body)
	})
}
