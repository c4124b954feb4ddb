package sam

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
)

// Namer gives a resource about to be created its physical ID (what !Ref
// returns) and its attributes (what !GetAtt returns). r.Properties are
// already resolved. The Stack may pass its own Namer, for instance to keep
// the names of resources that already exist across a redeploy.
type Namer interface {
	Name(r *Resource) (physicalID string, attrs map[string]string)
}

// knownTypes lists the CloudFormation types learnsls creates and the
// attributes each has, for Fn::GetAtt checks.
var knownTypes = map[string][]string{
	"AWS::Lambda::Function":           {"Arn"},
	"AWS::Lambda::Permission":         {},
	"AWS::Lambda::EventSourceMapping": {"Id"},
	"AWS::Lambda::Url":                {"FunctionArn", "FunctionUrl"},
	"AWS::IAM::Role":                  {"Arn", "RoleId"},
	"AWS::IAM::Policy":                {"Id"},
	"AWS::DynamoDB::Table":            {"Arn", "StreamArn"},
	"AWS::SQS::Queue":                 {"Arn", "QueueName", "QueueUrl"},
	"AWS::SNS::Topic":                 {"TopicArn", "TopicName"},
	"AWS::SNS::Subscription":          {"Arn"},
	"AWS::Events::Rule":               {"Arn"},
	"AWS::Events::EventBus":           {"Arn", "Name"},
	"AWS::SQS::QueuePolicy":           {"Id"},
	"AWS::SNS::TopicPolicy":           {"Id"},
	"AWS::ApiGateway::RestApi":        {"RestApiId", "RootResourceId"},
	"AWS::ApiGateway::Deployment":     {"DeploymentId"},
	"AWS::ApiGateway::Stage":          {},
	"AWS::ApiGatewayV2::Api":          {"ApiId", "ApiEndpoint"},
	"AWS::ApiGatewayV2::Stage":        {},
}

// SupportedTypes lists every resource type a template may declare, sorted.
func SupportedTypes() []string {
	out := []string{"AWS::Serverless::Function", "AWS::Serverless::Api", "AWS::Serverless::HttpApi", "AWS::Serverless::SimpleTable"}
	for k := range knownTypes {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// DefaultNamer names resources the way CloudFormation does
// (<stack>-<LogicalId>-<13 random characters>), except that the "random"
// part is a hash of stack and logical ID: the same template gets the same
// names on every deploy, so a redeploy finds its tables again.
type DefaultNamer struct {
	Region, AccountID, Partition, StackName string
}

func hashID(parts ...string) []byte {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return h[:]
}

const upperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
const lowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789"

func randomish(alphabet string, n int, parts ...string) string {
	h := hashID(parts...)
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[int(h[i%len(h)]+byte(i/len(h)))%len(alphabet)]
	}
	return string(b)
}

func stableUUID(parts ...string) string {
	h := hex.EncodeToString(hashID(parts...))
	return h[0:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:32]
}

// physicalName is CloudFormation's generated name, cut to max characters.
func (n *DefaultNamer) physicalName(logicalID string, max int) string {
	suffix := randomish(upperAlnum, 13, n.StackName, logicalID)
	stack, logical := n.StackName, logicalID
	for len(stack)+len(logical)+15 > max && (len(stack) > 1 || len(logical) > 1) {
		if len(stack) >= len(logical) && len(stack) > 1 {
			stack = stack[:len(stack)-1]
		} else {
			logical = logical[:len(logical)-1]
		}
	}
	return stack + "-" + logical + "-" + suffix
}

func (n *DefaultNamer) arn(service, resource string) string {
	return fmt.Sprintf("arn:%s:%s:%s:%s:%s", n.Partition, service, n.Region, n.AccountID, resource)
}

func propString(r *Resource, key string) string {
	s, _ := r.Properties[key].(string)
	return s
}

// Name implements Namer.
func (n *DefaultNamer) Name(r *Resource) (string, map[string]string) {
	id := r.LogicalID
	switch r.Type {
	case "AWS::Lambda::Function":
		name := propString(r, "FunctionName")
		if name == "" {
			name = n.physicalName(id, 64)
		}
		return name, map[string]string{"Arn": n.arn("lambda", "function:"+name)}
	case "AWS::DynamoDB::Table":
		name := propString(r, "TableName")
		if name == "" {
			name = n.physicalName(id, 255)
		}
		attrs := map[string]string{"Arn": n.arn("dynamodb", "table/"+name)}
		if _, ok := r.Properties["StreamSpecification"]; ok {
			// Stream labels are creation timestamps; a fixed one keeps ARNs stable.
			attrs["StreamArn"] = attrs["Arn"] + "/stream/2026-01-01T00:00:00.000"
		}
		return name, attrs
	case "AWS::IAM::Role":
		name := propString(r, "RoleName")
		if name == "" {
			name = n.physicalName(id, 64)
		}
		path := propString(r, "Path")
		if path == "" {
			path = "/"
		}
		return name, map[string]string{
			"Arn":    fmt.Sprintf("arn:%s:iam::%s:role%s%s", n.Partition, n.AccountID, path, name),
			"RoleId": "AROA" + randomish(upperAlnum, 17, n.StackName, id, "roleid"),
		}
	case "AWS::IAM::Policy":
		return n.physicalName(id, 128), map[string]string{"Id": n.physicalName(id, 128)}
	case "AWS::SQS::Queue":
		name := propString(r, "QueueName")
		if name == "" {
			name = n.physicalName(id, 80)
			if fifo, _ := r.Properties["FifoQueue"].(bool); fifo {
				name = n.physicalName(id, 75) + ".fifo"
			}
		}
		url := fmt.Sprintf("https://sqs.%s.amazonaws.com/%s/%s", n.Region, n.AccountID, name)
		return url, map[string]string{"Arn": n.arn("sqs", name), "QueueName": name, "QueueUrl": url}
	case "AWS::SNS::Topic":
		name := propString(r, "TopicName")
		if name == "" {
			name = n.physicalName(id, 256)
		}
		arn := n.arn("sns", name)
		return arn, map[string]string{"TopicArn": arn, "TopicName": name}
	case "AWS::SNS::Subscription":
		arn := n.arn("sns", propString(r, "TopicArn")+":"+stableUUID(n.StackName, id))
		if t := propString(r, "TopicArn"); strings.HasPrefix(t, "arn:") {
			arn = t + ":" + stableUUID(n.StackName, id)
		}
		return arn, map[string]string{"Arn": arn}
	case "AWS::Events::Rule":
		name := propString(r, "Name")
		if name == "" {
			name = n.physicalName(id, 64)
		}
		bus := propString(r, "EventBusName")
		if i := strings.Index(bus, ":event-bus/"); i >= 0 {
			// EventBusName may be the bus's ARN (!GetAtt Bus.Arn).
			bus = bus[i+len(":event-bus/"):]
		}
		res := "rule/" + name
		if bus != "" && bus != "default" {
			res = "rule/" + bus + "/" + name
		}
		return name, map[string]string{"Arn": n.arn("events", res)}
	case "AWS::Events::EventBus":
		// Name is required, so !Ref gives the name the learner chose.
		name := propString(r, "Name")
		return name, map[string]string{"Arn": n.arn("events", "event-bus/"+name), "Name": name}
	case "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy":
		// CloudFormation's Id for these is a generated name of the stack.
		pid := n.physicalName(id, 255)
		return pid, map[string]string{"Id": pid}
	case "AWS::Lambda::EventSourceMapping":
		u := stableUUID(n.StackName, id)
		return u, map[string]string{"Id": u}
	case "AWS::Lambda::Url":
		fn := propString(r, "TargetFunctionArn")
		return fn, map[string]string{
			"FunctionArn": fn,
			"FunctionUrl": fmt.Sprintf("https://%s.lambda-url.%s.on.aws/", randomish(lowerAlnum, 32, n.StackName, id), n.Region),
		}
	case "AWS::ApiGateway::RestApi":
		apiID := randomish(lowerAlnum, 10, n.StackName, id)
		return apiID, map[string]string{"RestApiId": apiID, "RootResourceId": randomish(lowerAlnum, 10, n.StackName, id, "root")}
	case "AWS::ApiGatewayV2::Api":
		apiID := randomish(lowerAlnum, 10, n.StackName, id)
		return apiID, map[string]string{"ApiId": apiID, "ApiEndpoint": fmt.Sprintf("https://%s.execute-api.%s.amazonaws.com", apiID, n.Region)}
	case "AWS::ApiGateway::Deployment":
		d := randomish(lowerAlnum, 6, n.StackName, id)
		return d, map[string]string{"DeploymentId": d}
	case "AWS::ApiGateway::Stage", "AWS::ApiGatewayV2::Stage":
		return propString(r, "StageName"), map[string]string{}
	}
	return n.physicalName(id, 255), map[string]string{}
}
