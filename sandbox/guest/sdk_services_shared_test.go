package guest_test

// Like sdk_shared_test.go, this file is compiled into the host test binary
// (real AWS SDK clients) and into the guest program (learnsls's clients):
// the cases for the event-driven services.

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"reflect"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/aws/aws-sdk-go-v2/service/sesv2"
	sestypes "github.com/aws/aws-sdk-go-v2/service/sesv2/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// sdkClients are the clients of the non-DynamoDB services, all pointed at
// one case's endpoint.
type sdkClients struct {
	SQS    *sqs.Client
	Events *eventbridge.Client
	SNS    *sns.Client
	SES    *sesv2.Client
}

// sdkSvcCase is a case for one of the services in sdkClients.
type sdkSvcCase struct {
	Name      string
	Service   string // the signing name the guest sends: "sqs", "events", "sns"
	Responses []sdkResponse
	// RealResponses, when set, are what the real client gets instead of
	// Responses: the real SNS client speaks the query protocol (XML
	// responses), the guest one JSON.
	RealResponses []sdkResponse
	Run           func(ctx context.Context, c sdkClients) (any, error)
}

// sdkMD5 is the hex MD5 SQS reports for a message body; the real client
// checks it.
func sdkMD5(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

const sdkQueueURL = "https://sqs.us-east-1.amazonaws.com/123456789012/orders"

var sdkServiceCases = []sdkSvcCase{
	{
		Name: "SendMessage/full", Service: "sqs",
		Responses: sdkOK(`{"MD5OfMessageBody":"` + sdkMD5(`{"orderId":"42"}`) + `","MD5OfMessageAttributes":"3ae8f24a165a8cedc005670c81a27295","MessageId":"5fea7756-0ea4-451a-a703-a558b933e274","SequenceNumber":"18849496460467696128"}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.SendMessage(ctx, &sqs.SendMessageInput{
				QueueUrl:     aws.String(sdkQueueURL + ".fifo"),
				MessageBody:  aws.String(`{"orderId":"42"}`),
				DelaySeconds: 5,
				MessageAttributes: map[string]sqstypes.MessageAttributeValue{
					"kind":  {DataType: aws.String("String"), StringValue: aws.String("order")},
					"total": {DataType: aws.String("Number"), StringValue: aws.String("12.5")},
					"blob":  {DataType: aws.String("Binary"), BinaryValue: []byte{1, 2, 3}},
				},
				MessageDeduplicationId:  aws.String("dedup-42"),
				MessageGroupId:          aws.String("customer-7"),
				MessageSystemAttributes: map[string]sqstypes.MessageSystemAttributeValue{"AWSTraceHeader": {DataType: aws.String("String"), StringValue: aws.String("Root=1-5759e988-bd862e3fe1be46a994272793")}},
			})
		},
	},
	{
		Name: "SendMessage/no-such-queue", Service: "sqs",
		Responses: sdkErr(400, `{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(sdkQueueURL + "-gone"), MessageBody: aws.String("x")})
		},
	},
	{
		Name: "SendMessage/missing-body", Service: "sqs",
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(sdkQueueURL)})
		},
	},
	{
		Name: "SendMessageBatch/partial", Service: "sqs",
		Responses: sdkOK(`{"Successful":[{"Id":"a","MessageId":"m-a","MD5OfMessageBody":"` + sdkMD5("one") + `"}],
			"Failed":[{"Id":"b","SenderFault":true,"Code":"InvalidParameterValue","Message":"Message must be shorter than 262144 bytes."}]}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(sdkQueueURL), Entries: []sqstypes.SendMessageBatchRequestEntry{
				{Id: aws.String("a"), MessageBody: aws.String("one")},
				{Id: aws.String("b"), MessageBody: aws.String("two"), DelaySeconds: 3, MessageAttributes: map[string]sqstypes.MessageAttributeValue{"k": {DataType: aws.String("String.custom"), StringValue: aws.String("v")}}},
			}})
		},
	},
	{
		Name: "ReceiveMessage/full", Service: "sqs",
		Responses: sdkOK(`{"Messages":[{"MessageId":"m1","ReceiptHandle":"rh-1","Body":"hello","MD5OfBody":"` + sdkMD5("hello") + `",
			"Attributes":{"ApproximateReceiveCount":"2","SentTimestamp":"1700000000000","MessageGroupId":"g"},
			"MD5OfMessageAttributes":"x","MessageAttributes":{"kind":{"DataType":"String","StringValue":"order"},"bin":{"DataType":"Binary","BinaryValue":"AQI="}}},
			{"MessageId":"m2","ReceiptHandle":"rh-2","Body":"","MD5OfBody":"` + sdkMD5("") + `"}]}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{
				QueueUrl: aws.String(sdkQueueURL), MaxNumberOfMessages: 10, WaitTimeSeconds: 20, VisibilityTimeout: 30,
				AttributeNames:              []sqstypes.QueueAttributeName{sqstypes.QueueAttributeNameAll},
				MessageSystemAttributeNames: []sqstypes.MessageSystemAttributeName{sqstypes.MessageSystemAttributeNameApproximateReceiveCount, sqstypes.MessageSystemAttributeNameMessageGroupId},
				MessageAttributeNames:       []string{"All"},
				ReceiveRequestAttemptId:     aws.String("attempt-1"),
			})
		},
	},
	{
		Name: "ReceiveMessage/empty", Service: "sqs",
		Responses: sdkOK(`{}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(sdkQueueURL)})
		},
	},
	{
		Name: "DeleteMessage/basic", Service: "sqs",
		Responses: sdkOK(`{}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: aws.String(sdkQueueURL), ReceiptHandle: aws.String("rh-1")})
		},
	},
	{
		Name: "DeleteMessage/bad-handle", Service: "sqs",
		Responses: sdkErr(400, `{"__type":"com.amazonaws.sqs#ReceiptHandleIsInvalid","message":"The input receipt handle \"x\" is not a valid receipt handle."}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: aws.String(sdkQueueURL), ReceiptHandle: aws.String("x")})
		},
	},
	{
		Name: "DeleteMessageBatch/partial", Service: "sqs",
		Responses: sdkOK(`{"Successful":[{"Id":"1"}],"Failed":[{"Id":"2","SenderFault":false,"Code":"InternalError","Message":"try again"}]}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{QueueUrl: aws.String(sdkQueueURL), Entries: []sqstypes.DeleteMessageBatchRequestEntry{
				{Id: aws.String("1"), ReceiptHandle: aws.String("rh-1")}, {Id: aws.String("2"), ReceiptHandle: aws.String("rh-2")}}})
		},
	},
	{
		Name: "ChangeMessageVisibility/zero-is-sent", Service: "sqs",
		Responses: sdkOK(`{}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.ChangeMessageVisibility(ctx, &sqs.ChangeMessageVisibilityInput{QueueUrl: aws.String(sdkQueueURL), ReceiptHandle: aws.String("rh-1"), VisibilityTimeout: 0})
		},
	},
	{
		Name: "ChangeMessageVisibilityBatch/basic", Service: "sqs",
		Responses: sdkOK(`{"Successful":[{"Id":"1"},{"Id":"2"}],"Failed":[]}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.ChangeMessageVisibilityBatch(ctx, &sqs.ChangeMessageVisibilityBatchInput{QueueUrl: aws.String(sdkQueueURL), Entries: []sqstypes.ChangeMessageVisibilityBatchRequestEntry{
				{Id: aws.String("1"), ReceiptHandle: aws.String("rh-1"), VisibilityTimeout: 0}, {Id: aws.String("2"), ReceiptHandle: aws.String("rh-2"), VisibilityTimeout: 60}}})
		},
	},
	{
		Name: "GetQueueUrl/basic", Service: "sqs",
		Responses: sdkOK(`{"QueueUrl":"` + sdkQueueURL + `"}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String("orders"), QueueOwnerAWSAccountId: aws.String("123456789012")})
		},
	},
	{
		Name: "GetQueueAttributes/basic", Service: "sqs",
		Responses: sdkOK(`{"Attributes":{"QueueArn":"arn:aws:sqs:us-east-1:123456789012:orders","ApproximateNumberOfMessages":"3","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:dlq\",\"maxReceiveCount\":\"5\"}"}}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: aws.String(sdkQueueURL), AttributeNames: []sqstypes.QueueAttributeName{sqstypes.QueueAttributeNameQueueArn, sqstypes.QueueAttributeNameApproximateNumberOfMessages, sqstypes.QueueAttributeNameRedrivePolicy}})
		},
	},
	{
		Name: "SetQueueAttributes/basic", Service: "sqs",
		Responses: sdkOK(`{}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: aws.String(sdkQueueURL), Attributes: map[string]string{"VisibilityTimeout": "45"}})
		},
	},
	{
		Name: "CreateQueue/fifo", Service: "sqs",
		Responses: sdkOK(`{"QueueUrl":"` + sdkQueueURL + `.fifo"}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("orders.fifo"), Attributes: map[string]string{"FifoQueue": "true", "ContentBasedDeduplication": "true"}, Tags: map[string]string{"team": "orders"}})
		},
	},
	{
		Name: "CreateQueue/name-exists", Service: "sqs",
		Responses: sdkErr(400, `{"__type":"com.amazonaws.sqs#QueueNameExists","message":"A queue already exists with the same name and a different value for attribute VisibilityTimeout"}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("orders")})
		},
	},
	{
		Name: "DeleteQueue/basic", Service: "sqs",
		Responses: sdkOK(`{}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.DeleteQueue(ctx, &sqs.DeleteQueueInput{QueueUrl: aws.String(sdkQueueURL)})
		},
	},
	{
		Name: "ListQueues/basic", Service: "sqs",
		Responses: sdkOK(`{"QueueUrls":["` + sdkQueueURL + `"],"NextToken":"n2"}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.ListQueues(ctx, &sqs.ListQueuesInput{QueueNamePrefix: aws.String("ord"), MaxResults: aws.Int32(1)})
		},
	},
	{
		Name: "PurgeQueue/in-progress", Service: "sqs",
		Responses: sdkErr(400, `{"__type":"com.amazonaws.sqs#PurgeQueueInProgress","message":"Only one PurgeQueue operation on orders is allowed every 60 seconds."}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.PurgeQueue(ctx, &sqs.PurgeQueueInput{QueueUrl: aws.String(sdkQueueURL)})
		},
	},
	{
		Name: "PutEvents/full", Service: "events",
		Responses: sdkOK(`{"FailedEntryCount":1,"Entries":[{"EventId":"11710aed-b79e-4468-a20b-bb3c0c3b4860"},{"ErrorCode":"InternalFailure","ErrorMessage":"try again"}]}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.Events.PutEvents(ctx, &eventbridge.PutEventsInput{Entries: []ebtypes.PutEventsRequestEntry{
				{Source: aws.String("myApplication"), DetailType: aws.String("NewOrderEvent"), Detail: aws.String(`{"orderId":"42","total":120}`),
					EventBusName: aws.String("orders"), Resources: []string{"arn:aws:dynamodb:us-east-1:123456789012:table/orders"},
					Time: aws.Time(time.Unix(1700000000, 0)), TraceHeader: aws.String("Root=1-5759e988-bd862e3fe1be46a994272793")},
				{Source: aws.String("myApplication"), DetailType: aws.String("OrderCancelled"), Detail: aws.String(`{}`), Time: aws.Time(time.UnixMilli(1700000000250))},
			}})
		},
	},
	{
		Name: "PutEvents/missing-entries", Service: "events",
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.Events.PutEvents(ctx, &eventbridge.PutEventsInput{})
		},
	},
	{
		Name: "PutEvents/no-such-bus", Service: "events",
		Responses: sdkErr(400, `{"__type":"ResourceNotFoundException","message":"Event bus nope does not exist."}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.Events.PutEvents(ctx, &eventbridge.PutEventsInput{Entries: []ebtypes.PutEventsRequestEntry{{Source: aws.String("s"), DetailType: aws.String("d"), Detail: aws.String("{}"), EventBusName: aws.String("nope")}}})
		},
	},
	{
		Name: "TestEventPattern/match", Service: "events",
		Responses: sdkOK(`{"Result":true}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.Events.TestEventPattern(ctx, &eventbridge.TestEventPatternInput{
				EventPattern: aws.String(`{"source":["myApplication"],"detail":{"total":[{"numeric":[">",100]}]}}`),
				Event:        aws.String(`{"id":"1","account":"123456789012","source":"myApplication","time":"2023-11-14T22:13:20Z","region":"us-east-1","resources":[],"detail-type":"NewOrderEvent","detail":{"total":120}}`),
			})
		},
	},
	{
		Name: "TestEventPattern/invalid", Service: "events",
		Responses: sdkErr(400, `{"__type":"InvalidEventPatternException","message":"Event pattern is not valid. Reason: Filter is not an object"}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.Events.TestEventPattern(ctx, &eventbridge.TestEventPatternInput{EventPattern: aws.String(`[]`), Event: aws.String(`{}`)})
		},
	},
}

// sdkSNSCases use the same inputs for both clients; the responses differ
// in encoding only.
var sdkSNSCases = []sdkSvcCase{
	{
		Name: "Publish/full", Service: "sns",
		Responses:     sdkOK(`{"MessageId":"94f20ce6-13c5-43a0-9a9e-ca52d816e90b","SequenceNumber":"10000000000000003000"}`),
		RealResponses: sdkOK(`<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId><SequenceNumber>10000000000000003000</SequenceNumber></PublishResult><ResponseMetadata><RequestId>f187a3c1</RequestId></ResponseMetadata></PublishResponse>`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SNS.Publish(ctx, &sns.PublishInput{
				TopicArn: aws.String("arn:aws:sns:us-east-1:123456789012:alerts.fifo"),
				Message:  aws.String(`{"zip":"10001","tempF":101}`),
				Subject:  aws.String("High temperature"),
				MessageAttributes: map[string]snstypes.MessageAttributeValue{
					"severity": {DataType: aws.String("String"), StringValue: aws.String("high")},
					"tempF":    {DataType: aws.String("Number"), StringValue: aws.String("101")},
					"raw":      {DataType: aws.String("Binary"), BinaryValue: []byte("hi")},
				},
				MessageGroupId:         aws.String("10001"),
				MessageDeduplicationId: aws.String("d-1"),
			})
		},
	},
	{
		Name: "Publish/structure-and-target", Service: "sns",
		Responses:     sdkOK(`{"MessageId":"m-2"}`),
		RealResponses: sdkOK(`<PublishResponse><PublishResult><MessageId>m-2</MessageId></PublishResult></PublishResponse>`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SNS.Publish(ctx, &sns.PublishInput{TargetArn: aws.String("arn:aws:sns:us-east-1:123456789012:endpoint/APNS/app/1"),
				Message: aws.String(`{"default":"hi","sqs":"hello queue"}`), MessageStructure: aws.String("json")})
		},
	},
	{
		Name: "Publish/no-such-topic", Service: "sns",
		Responses:     sdkErr(404, `{"__type":"NotFoundException","message":"Topic does not exist"}`),
		RealResponses: sdkErr(404, `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error><RequestId>r</RequestId></ErrorResponse>`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SNS.Publish(ctx, &sns.PublishInput{TopicArn: aws.String("arn:aws:sns:us-east-1:123456789012:gone"), Message: aws.String("x")})
		},
	},
	{
		Name: "Publish/missing-message", Service: "sns",
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SNS.Publish(ctx, &sns.PublishInput{TopicArn: aws.String("arn:aws:sns:us-east-1:123456789012:alerts")})
		},
	},
	{
		Name: "PublishBatch/partial", Service: "sns",
		Responses: sdkOK(`{"Successful":[{"Id":"1","MessageId":"m-1"}],"Failed":[{"Id":"2","Code":"InternalError","Message":"try again","SenderFault":false}]}`),
		RealResponses: sdkOK(`<PublishBatchResponse><PublishBatchResult><Successful><member><Id>1</Id><MessageId>m-1</MessageId></member></Successful>` +
			`<Failed><member><Id>2</Id><Code>InternalError</Code><Message>try again</Message><SenderFault>false</SenderFault></member></Failed></PublishBatchResult></PublishBatchResponse>`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SNS.PublishBatch(ctx, &sns.PublishBatchInput{TopicArn: aws.String("arn:aws:sns:us-east-1:123456789012:alerts"), PublishBatchRequestEntries: []snstypes.PublishBatchRequestEntry{
				{Id: aws.String("1"), Message: aws.String("one"), Subject: aws.String("s")},
				{Id: aws.String("2"), Message: aws.String("two"), MessageAttributes: map[string]snstypes.MessageAttributeValue{"k": {DataType: aws.String("String"), StringValue: aws.String("v")}}},
			}})
		},
	},
	{
		Name: "CreateTopic/fifo", Service: "sns",
		Responses:     sdkOK(`{"TopicArn":"arn:aws:sns:us-east-1:123456789012:orders.fifo"}`),
		RealResponses: sdkOK(`<CreateTopicResponse><CreateTopicResult><TopicArn>arn:aws:sns:us-east-1:123456789012:orders.fifo</TopicArn></CreateTopicResult></CreateTopicResponse>`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SNS.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("orders.fifo"), Attributes: map[string]string{"FifoTopic": "true"}, Tags: []snstypes.Tag{{Key: aws.String("team"), Value: aws.String("orders")}}})
		},
	},
	{
		Name: "Subscribe/sqs-raw", Service: "sns",
		Responses:     sdkOK(`{"SubscriptionArn":"arn:aws:sns:us-east-1:123456789012:orders:6b0e71bd-7e97-4d97-80ce-4a0994e55286"}`),
		RealResponses: sdkOK(`<SubscribeResponse><SubscribeResult><SubscriptionArn>arn:aws:sns:us-east-1:123456789012:orders:6b0e71bd-7e97-4d97-80ce-4a0994e55286</SubscriptionArn></SubscribeResult></SubscribeResponse>`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SNS.Subscribe(ctx, &sns.SubscribeInput{TopicArn: aws.String("arn:aws:sns:us-east-1:123456789012:orders"), Protocol: aws.String("sqs"),
				Endpoint: aws.String("arn:aws:sqs:us-east-1:123456789012:inventory"), ReturnSubscriptionArn: true,
				Attributes: map[string]string{"RawMessageDelivery": "true", "FilterPolicy": `{"severity":["high"]}`}})
		},
	},
	{
		Name: "ListTopics/page", Service: "sns",
		Responses:     sdkOK(`{"Topics":[{"TopicArn":"arn:aws:sns:us-east-1:123456789012:a"},{"TopicArn":"arn:aws:sns:us-east-1:123456789012:b"}],"NextToken":"t2"}`),
		RealResponses: sdkOK(`<ListTopicsResponse><ListTopicsResult><Topics><member><TopicArn>arn:aws:sns:us-east-1:123456789012:a</TopicArn></member><member><TopicArn>arn:aws:sns:us-east-1:123456789012:b</TopicArn></member></Topics><NextToken>t2</NextToken></ListTopicsResult></ListTopicsResponse>`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SNS.ListTopics(ctx, &sns.ListTopicsInput{NextToken: aws.String("t1")})
		},
	},
}

// sdkSESCases: the real SESv2 client speaks REST-JSON (POST
// /v2/email/outbound-emails with the same JSON body the guest sends).
var sdkSESCases = []sdkSvcCase{
	{
		Name: "SendEmail/simple", Service: "ses",
		Responses: sdkOK(`{"MessageId":"0100018bcfe2a4f1-2c83e3b4-6d9f-4bbf-9e0c-3d5a0f8a1a11-000000"}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SES.SendEmail(ctx, &sesv2.SendEmailInput{
				FromEmailAddress: aws.String("welcome@example.com"),
				Destination:      &sestypes.Destination{ToAddresses: []string{"ada@example.com"}, CcAddresses: []string{"team@example.com"}, BccAddresses: []string{"audit@example.com"}},
				ReplyToAddresses: []string{"help@example.com"},
				Content: &sestypes.EmailContent{Simple: &sestypes.Message{
					Subject: &sestypes.Content{Data: aws.String("Welcome, Ada"), Charset: aws.String("UTF-8")},
					Body:    &sestypes.Body{Text: &sestypes.Content{Data: aws.String("Hello!")}, Html: &sestypes.Content{Data: aws.String("<p>Hello!</p>")}},
				}},
				EmailTags:            []sestypes.MessageTag{{Name: aws.String("campaign"), Value: aws.String("welcome")}},
				ConfigurationSetName: aws.String("default"),
			})
		},
	},
	{
		Name: "SendEmail/raw", Service: "ses",
		Responses: sdkOK(`{"MessageId":"m-raw"}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SES.SendEmail(ctx, &sesv2.SendEmailInput{Content: &sestypes.EmailContent{Raw: &sestypes.RawMessage{
				Data: []byte("From: a@example.com\r\nTo: b@example.com\r\nSubject: hi\r\n\r\nbody")}}})
		},
	},
	{
		Name: "SendEmail/template", Service: "ses",
		Responses: sdkOK(`{"MessageId":"m-tpl"}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SES.SendEmail(ctx, &sesv2.SendEmailInput{FromEmailAddress: aws.String("a@example.com"),
				Destination: &sestypes.Destination{ToAddresses: []string{"b@example.com"}},
				Content:     &sestypes.EmailContent{Template: &sestypes.Template{TemplateName: aws.String("welcome"), TemplateData: aws.String(`{"name":"Ada"}`)}}})
		},
	},
	{
		Name: "SendEmail/rejected", Service: "ses",
		Responses: sdkErr(400, `{"__type":"MessageRejected","message":"Email address is not verified. The following identities failed the check in region US-EAST-1: nobody@example.com"}`),
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SES.SendEmail(ctx, &sesv2.SendEmailInput{FromEmailAddress: aws.String("nobody@example.com"),
				Destination: &sestypes.Destination{ToAddresses: []string{"b@example.com"}},
				Content:     &sestypes.EmailContent{Simple: &sestypes.Message{Subject: &sestypes.Content{Data: aws.String("s")}, Body: &sestypes.Body{Text: &sestypes.Content{Data: aws.String("t")}}}}})
		},
	},
	{
		Name: "SendEmail/nested-missing-subject", Service: "ses",
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SES.SendEmail(ctx, &sesv2.SendEmailInput{Content: &sestypes.EmailContent{Simple: &sestypes.Message{Body: &sestypes.Body{Text: &sestypes.Content{}}}}})
		},
	},
	{
		Name: "SendMessageBatch/nested-missing-id", Service: "sqs",
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SQS.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(sdkQueueURL), Entries: []sqstypes.SendMessageBatchRequestEntry{
				{MessageBody: aws.String("x"), MessageAttributes: map[string]sqstypes.MessageAttributeValue{"k": {StringValue: aws.String("v")}}}}})
		},
	},
	{
		Name: "SendEmail/missing-content", Service: "ses",
		Run: func(ctx context.Context, c sdkClients) (any, error) {
			return c.SES.SendEmail(ctx, &sesv2.SendEmailInput{FromEmailAddress: aws.String("a@example.com")})
		},
	},
}

func init() {
	sdkServiceCases = append(sdkServiceCases, sdkSNSCases...)
	sdkServiceCases = append(sdkServiceCases, sdkSESCases...)
}

// sdkRunSvc runs one service case and describes its outcome.
func sdkRunSvc(ctx context.Context, c sdkClients, cs sdkSvcCase) sdkResult {
	out, err := cs.Run(ctx, c)
	r := sdkResult{Name: cs.Name, Output: sdkDump(reflect.ValueOf(out))}
	if err != nil {
		r.Error = sdkDumpErr(err)
	}
	return r
}
