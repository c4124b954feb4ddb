package web

import (
	"strings"
	"testing"
)

func TestGuestSDKReference(t *testing.T) {
	ts := startServer(t, testCourse(t), t.TempDir(), nil)
	resp, body := get(t, newClient(t, true), ts.URL+"/docs/guest-sdk")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{"The AWS SDK in learnsls", "github.com/aws/aws-sdk-go-v2/service/dynamodb", "GetItem", "attributevalue"} {
		if !strings.Contains(body, want) {
			t.Errorf("reference lacks %q", want)
		}
	}
	if strings.Contains(body, "<script>") || strings.Contains(body, "style=") {
		t.Error("reference page carries inline script or style")
	}
}
