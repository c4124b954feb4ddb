package iam

import (
	"errors"
	"fmt"
	"testing"
)

func TestSessionAuthorize(t *testing.T) {
	role := &Role{ARN: "arn:aws:iam::123456789012:role/service-role/orders-role", Policies: []*Policy{MustParse("OrdersTable", `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem"],"Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/Orders"}]}`)}}
	s, err := role.NewSession("orders")
	if err != nil {
		t.Fatal(err)
	}
	if s.Principal.ARN != "arn:aws:sts::123456789012:assumed-role/orders-role/orders" {
		t.Fatalf("session ARN %s", s.Principal.ARN)
	}
	if err := s.Authorize("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/Orders", nil, nil); err != nil {
		t.Fatalf("GetItem: %v", err)
	}
	err = s.Authorize("dynamodb:DeleteItem", "arn:aws:dynamodb:us-east-1:123456789012:table/Orders", nil, nil)
	var ade *AccessDeniedError
	if !errors.As(err, &ade) || !errors.Is(err, ErrAccessDenied) {
		t.Fatalf("DeleteItem: want AccessDeniedError, got %v", err)
	}
	if ade.Code() != "AccessDeniedException" || ade.HTTPStatus() != 400 {
		t.Fatalf("code %s %d", ade.Code(), ade.HTTPStatus())
	}
	want := "User: arn:aws:sts::123456789012:assumed-role/orders-role/orders is not authorized to perform: dynamodb:DeleteItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/Orders because no identity-based policy allows the dynamodb:DeleteItem action"
	if err.Error() != want {
		t.Fatalf("message\n got %s\nwant %s", err, want)
	}
	// A queue policy naming the role (with its path) grants on its own.
	qp := MustParse("jobs-policy", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/service-role/orders-role"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:123456789012:jobs"}]}`)
	if err := s.Authorize("sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:jobs", qp, nil); err != nil {
		t.Fatalf("queue policy grant: %v", err)
	}
	err = s.Authorize("sns:Publish", "arn:aws:sns:us-east-1:123456789012:t", nil, nil)
	if !errors.As(err, &ade) || ade.Code() != "AuthorizationError" || ade.HTTPStatus() != 403 {
		t.Fatalf("sns denial: %v", err)
	}
}

func TestServiceInvoke(t *testing.T) {
	fnPolicy := MustParse("orders-policy", `{"Version":"2012-10-17","Statement":[{"Sid":"api","Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},
		"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-1:123456789012:function:orders",
		"Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-1:123456789012:abc123/*/*/orders"}}}]}`)
	fn := "arn:aws:lambda:us-east-1:123456789012:function:orders"
	if err := ServiceInvoke("apigateway.amazonaws.com", "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/orders", "123456789012", fn, fnPolicy); err != nil {
		t.Fatalf("API invoke: %v", err)
	}
	err := ServiceInvoke("apigateway.amazonaws.com", "arn:aws:execute-api:us-east-1:123456789012:other/prod/GET/orders", "123456789012", fn, fnPolicy)
	var ade *AccessDeniedError
	if !errors.As(err, &ade) || ade.Code() != "AccessDeniedException" || ade.HTTPStatus() != 403 || ade.Decision.Reason != ReasonNoResourceAllow {
		t.Fatalf("other API: %v", err)
	}
	if err := ServiceInvoke("events.amazonaws.com", "", "", fn, nil); !errors.Is(err, ErrAccessDenied) {
		t.Fatalf("no policy: %v", err)
	}
}

func ExampleEvaluate() {
	pol := MustParse("ReadUsers", `{
	  "Version": "2012-10-17",
	  "Statement": [{
	    "Sid": "ReadUsers",
	    "Effect": "Allow",
	    "Action": ["dynamodb:GetItem", "dynamodb:Query"],
	    "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/Users"
	  }]
	}`)
	who, _ := RolePrincipal("arn:aws:iam::123456789012:role/users-fn-role", "users-fn", nil)
	for _, action := range []string{"dynamodb:GetItem", "dynamodb:DeleteItem"} {
		d := Evaluate(Request{Principal: who, Action: action, Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Users"},
			Policies{Identity: []*Policy{pol}})
		fmt.Println(action, d.Outcome)
		if !d.Allowed() {
			fmt.Println(d.AccessDeniedMessage())
		}
	}
	// Output:
	// dynamodb:GetItem allowed
	// dynamodb:DeleteItem implicitDeny
	// User: arn:aws:sts::123456789012:assumed-role/users-fn-role/users-fn is not authorized to perform: dynamodb:DeleteItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/Users because no identity-based policy allows the dynamodb:DeleteItem action
}

// TestConcurrentEvaluate: compiled policies are read-only, so one set can
// authorise calls from many environments at once (run with -race).
func TestConcurrentEvaluate(t *testing.T) {
	pols := Policies{Identity: []*Policy{MustParse("p", `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::home/${aws:username}/*"},
		{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`)}}
	done := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func(g int) {
			user := fmt.Sprintf("u%d", g)
			p, _ := PrincipalFromARN("arn:aws:iam::123456789012:user/" + user)
			for i := 0; i < 200; i++ {
				own := Evaluate(Request{Principal: p, Action: "s3:GetObject", Resource: "arn:aws:s3:::home/" + user + "/k"}, pols)
				other := Evaluate(Request{Principal: p, Action: "s3:GetObject", Resource: "arn:aws:s3:::home/x/k"}, pols)
				if !own.Allowed() || other.Allowed() {
					done <- fmt.Errorf("goroutine %d: own %s other %s", g, own.Outcome, other.Outcome)
					return
				}
			}
			done <- nil
		}(g)
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}
