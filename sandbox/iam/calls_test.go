package iam

import (
	"reflect"
	"testing"
)

func TestCallChecks(t *testing.T) {
	ci := CallInfo{Region: "us-east-1", Account: "123456789012", PartitionKey: func(table string) (string, bool) {
		return "pk", table == "Users"
	}}
	users := "arn:aws:dynamodb:us-east-1:123456789012:table/Users"
	c := func(action, resource string, kv ...string) Check {
		ch := Check{Action: action, Resource: resource}
		for i := 0; i+1 < len(kv); i += 2 {
			if ch.Context == nil {
				ch.Context = map[string][]string{}
			}
			ch.Context[kv[i]] = append(ch.Context[kv[i]], kv[i+1])
		}
		return ch
	}
	tests := []struct {
		name, service, op, body string
		want                    []Check
	}{
		{"getitem with leading key", "dynamodb", "GetItem", `{"TableName":"Users","Key":{"pk":{"S":"alice"}}}`, []Check{c("dynamodb:GetItem", users, "dynamodb:LeadingKeys", "alice")}},
		{"putitem numeric key", "dynamodb", "PutItem", `{"TableName":"Users","Item":{"pk":{"N":"42"},"x":{"S":"y"}},"ReturnValues":"ALL_OLD"}`, []Check{c("dynamodb:PutItem", users, "dynamodb:LeadingKeys", "42", "dynamodb:ReturnValues", "ALL_OLD")}},
		{"query index with expression", "dynamodb", "Query", `{"TableName":"Users","IndexName":"ByEmail","KeyConditionExpression":"#p = :v AND sk > :s","ExpressionAttributeNames":{"#p":"pk"},"ExpressionAttributeValues":{":v":{"S":"bob"},":s":{"S":"a"}},"Select":"COUNT"}`,
			[]Check{c("dynamodb:Query", users+"/index/ByEmail", "dynamodb:LeadingKeys", "bob", "dynamodb:Select", "COUNT")}},
		{"table without known key", "dynamodb", "GetItem", `{"TableName":"Orders","Key":{"id":{"S":"1"}}}`, []Check{c("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/Orders")}},
		{"batch write per table", "dynamodb", "BatchWriteItem", `{"RequestItems":{"B":[],"A":[]}}`, []Check{c("dynamodb:BatchWriteItem", "arn:aws:dynamodb:us-east-1:123456789012:table/A"), c("dynamodb:BatchWriteItem", "arn:aws:dynamodb:us-east-1:123456789012:table/B")}},
		{"transact write per item", "dynamodb", "TransactWriteItems", `{"TransactItems":[{"Put":{"TableName":"Users","Item":{"pk":{"S":"a"}}}},{"ConditionCheck":{"TableName":"Orders","Key":{}}}]}`,
			[]Check{c("dynamodb:PutItem", users, "dynamodb:LeadingKeys", "a"), c("dynamodb:ConditionCheckItem", "arn:aws:dynamodb:us-east-1:123456789012:table/Orders")}},
		{"partiql select", "dynamodb", "ExecuteStatement", `{"Statement":"SELECT * FROM \"Users\".\"ByEmail\" WHERE email = ?"}`, []Check{c("dynamodb:PartiQLSelect", users+"/index/ByEmail")}},
		{"partiql update", "dynamodb", "ExecuteStatement", `{"Statement":"update Users set x = 1 where pk = 'a'"}`, []Check{c("dynamodb:PartiQLUpdate", users)}},
		{"list tables", "dynamodb", "ListTables", `{}`, []Check{c("dynamodb:ListTables", "*")}},
		{"stream records", "streams.dynamodb", "GetShardIterator", `{"StreamArn":"` + users + `/stream/2026"}`, []Check{c("dynamodb:GetShardIterator", users+"/stream/2026")}},
		{"sqs batch send", "sqs", "SendMessageBatch", `{"QueueUrl":"https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"}`, []Check{c("sqs:SendMessage", "arn:aws:sqs:eu-west-1:123456789012:jobs")}},
		{"sqs local url", "sqs", "ReceiveMessage", `{"QueueUrl":"http://127.0.0.1:8000/123456789012/jobs"}`, []Check{c("sqs:ReceiveMessage", "arn:aws:sqs:us-east-1:123456789012:jobs")}},
		{"sqs get url", "sqs", "GetQueueUrl", `{"QueueName":"jobs"}`, []Check{c("sqs:GetQueueUrl", "arn:aws:sqs:us-east-1:123456789012:jobs")}},
		{"sns publish", "sns", "Publish", `{"TopicArn":"arn:aws:sns:us-east-1:123456789012:alerts","Message":"x"}`, []Check{c("sns:Publish", "arn:aws:sns:us-east-1:123456789012:alerts")}},
		{"sns sms", "sns", "Publish", `{"PhoneNumber":"+15555550100","Message":"x"}`, []Check{c("sns:Publish", "*")}},
		{"sns subscribe", "sns", "Subscribe", `{"TopicArn":"arn:aws:sns:us-east-1:123456789012:alerts","Protocol":"sqs","Endpoint":"arn:aws:sqs:us-east-1:123456789012:q"}`,
			[]Check{c("sns:Subscribe", "arn:aws:sns:us-east-1:123456789012:alerts", "sns:Protocol", "sqs", "sns:Endpoint", "arn:aws:sqs:us-east-1:123456789012:q")}},
		{"put events per bus", "events", "PutEvents", `{"Entries":[{"Source":"orders","DetailType":"Created"},{"Source":"billing","DetailType":"Created"},{"EventBusName":"audit","Source":"orders"}]}`,
			[]Check{c("events:PutEvents", "arn:aws:events:us-east-1:123456789012:event-bus/default", "events:source", "orders", "events:source", "billing", "events:detail-type", "Created"),
				c("events:PutEvents", "arn:aws:events:us-east-1:123456789012:event-bus/audit", "events:source", "orders")}},
		{"rule on custom bus", "events", "PutRule", `{"Name":"nightly","EventBusName":"orders"}`, []Check{c("events:PutRule", "arn:aws:events:us-east-1:123456789012:rule/orders/nightly")}},
		{"rule on default bus", "events", "PutTargets", `{"Rule":"nightly"}`, []Check{c("events:PutTargets", "arn:aws:events:us-east-1:123456789012:rule/nightly")}},
		{"ses v2 send", "ses", "SendEmail", `{"FromEmailAddress":"Shop <shop@example.com>","Destination":{"ToAddresses":["a@x.org"],"CcAddresses":["b@x.org"]}}`,
			[]Check{c("ses:SendEmail", "arn:aws:ses:us-east-1:123456789012:identity/example.com", "ses:ApiVersion", "2", "ses:FromAddress", "shop@example.com", "ses:Recipients", "a@x.org", "ses:Recipients", "b@x.org")}},
		{"lambda invoke by name", "lambda", "Invoke", `{"FunctionName":"orders"}`, []Check{c("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:orders")}},
		{"lambda invoke qualified", "lambda", "Invoke", `{"FunctionName":"orders","Qualifier":"live"}`, []Check{c("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:orders:live")}},
		{"lambda invoke partial arn", "lambda", "Invoke", `{"FunctionName":"123456789012:function:orders"}`, []Check{c("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:orders")}},
		{"lambda invoke full arn", "lambda", "Invoke", `{"FunctionName":"arn:aws:lambda:eu-west-1:123456789012:function:orders:3"}`, []Check{c("lambda:InvokeFunction", "arn:aws:lambda:eu-west-1:123456789012:function:orders:3")}},
		{"logs put events", "logs", "PutLogEvents", `{"logGroupName":"/aws/lambda/orders","logStreamName":"s1"}`, []Check{c("logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders:log-stream:s1")}},
		{"s3 head object", "s3", "HeadObject", `{"Bucket":"b","Key":"k/1"}`, []Check{c("s3:GetObject", "arn:aws:s3:::b/k/1")}},
		{"s3 list with prefix", "s3", "ListObjectsV2", `{"Bucket":"b","Prefix":"home/","MaxKeys":10}`, []Check{c("s3:ListBucket", "arn:aws:s3:::b", "s3:prefix", "home/", "s3:max-keys", "10")}},
		{"s3 copy", "s3", "CopyObject", `{"Bucket":"b","Key":"new","CopySource":"/src/old?versionId=1"}`, []Check{c("s3:GetObject", "arn:aws:s3:::src/old"), c("s3:PutObject", "arn:aws:s3:::b/new")}},
		{"sts assume", "sts", "AssumeRole", `{"RoleArn":"arn:aws:iam::123456789012:role/deploy"}`, []Check{c("sts:AssumeRole", "arn:aws:iam::123456789012:role/deploy")}},
		{"unknown op", "kinesis", "PutRecord", ``, []Check{c("kinesis:PutRecord", "*")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CallChecks(tt.service, tt.op, []byte(tt.body), ci)
			if err != nil {
				t.Fatal(err)
			}
			for i := range got {
				if len(got[i].Context) == 0 {
					got[i].Context = nil
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
	if _, err := CallChecks("dynamodb", "GetItem", []byte("{"), ci); err == nil {
		t.Fatal("malformed JSON must be an error")
	}
}

// FuzzCallChecks: request bodies come from learners' code; mapping them to
// checks must never panic and always yields at least one check.
func FuzzCallChecks(f *testing.F) {
	for _, s := range [][3]string{
		{"dynamodb", "Query", `{"TableName":"Users","KeyConditionExpression":"pk = :v","ExpressionAttributeValues":{":v":{"S":"a"}}}`},
		{"dynamodb", "TransactWriteItems", `{"TransactItems":[{"Put":{"TableName":"Users","Item":{"pk":{"S":"a"}}}}]}`},
		{"sqs", "SendMessage", `{"QueueUrl":"http://x/1/q"}`},
		{"events", "PutEvents", `{"Entries":[{"EventBusName":"arn:aws:events:us-east-1:1:event-bus/b","Source":"s"}]}`},
		{"ses", "SendEmail", `{"FromEmailAddress":"<>","Destination":{"ToAddresses":[1]}}`},
		{"lambda", "Invoke", `{"FunctionName":":function:","Qualifier":"q"}`},
		{"s3", "CopyObject", `{"CopySource":"?"}`},
	} {
		f.Add(s[0], s[1], s[2])
	}
	ci := CallInfo{Region: "us-east-1", Account: "123456789012", PartitionKey: func(string) (string, bool) { return "pk", true }}
	f.Fuzz(func(t *testing.T, service, op, body string) {
		checks, err := CallChecks(service, op, []byte(body), ci)
		if err == nil && len(checks) == 0 {
			t.Fatalf("no checks for %s %s", service, op)
		}
	})
}
