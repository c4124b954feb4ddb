package iam

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// Check is one authorisation an AWS call needs: an IAM action on a
// resource, with the condition keys the request itself supplies.
type Check struct {
	Action   string
	Resource string
	Context  map[string][]string
}

// CallInfo is what CallChecks needs beyond the request body.
type CallInfo struct {
	Region  string
	Account string
	// PartitionKey, when set, names a table's partition key attribute so
	// that item calls carry dynamodb:LeadingKeys (fine-grained access).
	PartitionKey func(table string) (string, bool)
}

// CallChecks maps one aws_call — the service's signing name (dynamodb,
// streams.dynamodb, sqs, sns, events, ses, lambda, logs, s3, sts), the
// operation and its JSON request body — to the checks IAM makes for it. API
// operations that are not IAM actions map to the action that authorises
// them (SendMessageBatch → sqs:SendMessage, TransactWriteItems → one item
// action per item, HeadObject → s3:GetObject). Operations it does not know
// become service:Operation on "*". Every check must pass.
func CallChecks(service, operation string, body []byte, ci CallInfo) ([]Check, error) {
	var in map[string]json.RawMessage
	if len(strings.TrimSpace(string(body))) > 0 {
		var err error
		if in, err = readObject(body); err != nil {
			return nil, fmt.Errorf("iam: read %s %s request: %w", service, operation, err)
		}
	}
	r := callReader{in: in, ci: ci}
	switch service {
	case "dynamodb":
		if out := r.dynamodb(operation); len(out) > 0 {
			return out, nil
		}
		// An empty batch still needs the action (on no particular table).
		return one("dynamodb:"+operation, "*"), nil
	case "streams.dynamodb":
		if arn := r.str("StreamArn"); arn != "" {
			return one("dynamodb:"+operation, arn), nil
		}
		return one("dynamodb:"+operation, "*"), nil
	case "sqs":
		return r.sqs(operation), nil
	case "sns":
		return r.sns(operation), nil
	case "events":
		return r.events(operation), nil
	case "ses", "sesv2", "email":
		return r.ses(operation), nil
	case "lambda":
		return r.lambda(operation), nil
	case "logs":
		return r.logs(operation), nil
	case "s3":
		return r.s3(operation), nil
	case "sts":
		if arn := r.str("RoleArn"); arn != "" {
			return one("sts:"+operation, arn), nil
		}
	}
	return one(service+":"+operation, "*"), nil
}

func one(action, resource string) []Check {
	return []Check{{Action: action, Resource: resource}}
}

type callReader struct {
	in map[string]json.RawMessage
	ci CallInfo
}

func (r callReader) str(key string) string {
	var s string
	if raw, ok := r.in[key]; ok {
		s, _ = jsonString(raw)
	}
	return s
}

func (r callReader) arn(service, resource string) string {
	return "arn:aws:" + service + ":" + r.ci.Region + ":" + r.ci.Account + ":" + resource
}

var partiQLTable = regexp.MustCompile(`(?i)\b(?:from|into|update)\s+"?([A-Za-z0-9_.-]+)"?(?:\."?([A-Za-z0-9_.-]+)"?)?`)

func (r callReader) dynamodb(op string) []Check {
	table := func(t string) string { return r.arn("dynamodb", "table/"+t) }
	switch op {
	case "BatchGetItem", "BatchWriteItem":
		var items map[string]json.RawMessage
		_ = json.Unmarshal(r.in["RequestItems"], &items)
		names := make([]string, 0, len(items))
		for t := range items {
			names = append(names, t)
		}
		sort.Strings(names)
		out := make([]Check, 0, len(names))
		for _, t := range names {
			out = append(out, Check{Action: "dynamodb:" + op, Resource: table(t)})
		}
		return out
	case "TransactWriteItems", "TransactGetItems":
		var items []map[string]map[string]json.RawMessage
		_ = json.Unmarshal(r.in["TransactItems"], &items)
		kinds := map[string]string{"Put": "PutItem", "Update": "UpdateItem", "Delete": "DeleteItem", "ConditionCheck": "ConditionCheckItem", "Get": "GetItem"}
		var out []Check
		for _, item := range items {
			for kind, v := range item {
				action := kinds[kind]
				if action == "" {
					continue
				}
				sub := callReader{in: v, ci: r.ci}
				c := Check{Action: "dynamodb:" + action, Resource: table(sub.str("TableName"))}
				c.Context = sub.leadingKeys(sub.str("TableName"), action)
				out = append(out, c)
			}
		}
		return out
	case "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction":
		stmt := r.str("Statement")
		verb := strings.ToUpper(strings.Fields(stmt + " SELECT")[0])
		action := map[string]string{"SELECT": "PartiQLSelect", "INSERT": "PartiQLInsert", "UPDATE": "PartiQLUpdate", "DELETE": "PartiQLDelete"}[verb]
		if action == "" {
			action = "PartiQLSelect"
		}
		res := "*"
		if m := partiQLTable.FindStringSubmatch(stmt); m != nil {
			res = table(m[1])
			if m[2] != "" && action == "PartiQLSelect" {
				res += "/index/" + m[2]
			}
		}
		return one("dynamodb:"+action, res)
	case "ListTables", "DescribeLimits", "ListStreams", "DescribeEndpoints", "ListBackups":
		return one("dynamodb:"+op, "*")
	case "DescribeStream", "GetRecords", "GetShardIterator":
		if arn := r.str("StreamArn"); arn != "" {
			return one("dynamodb:"+op, arn)
		}
		return one("dynamodb:"+op, "*")
	}
	t := r.str("TableName")
	res := table(t)
	if idx := r.str("IndexName"); idx != "" && (op == "Query" || op == "Scan") {
		res += "/index/" + idx
	}
	c := Check{Action: "dynamodb:" + op, Resource: res, Context: r.leadingKeys(t, op)}
	for _, kp := range dynamoContextKeys {
		if v := r.str(kp.param); v != "" {
			if c.Context == nil {
				c.Context = map[string][]string{}
			}
			c.Context[kp.key] = []string{v}
		}
	}
	var attrs []string
	if raw, ok := r.in["AttributesToGet"]; ok {
		_ = json.Unmarshal(raw, &attrs)
	}
	if len(attrs) > 0 {
		if c.Context == nil {
			c.Context = map[string][]string{}
		}
		c.Context["dynamodb:Attributes"] = attrs
	}
	return []Check{c}
}

// dynamoContextKeys are the condition keys item calls carry, and the
// request members they come from.
var dynamoContextKeys = []struct{ key, param string }{
	{"dynamodb:Select", "Select"}, {"dynamodb:ReturnValues", "ReturnValues"}, {"dynamodb:ReturnConsumedCapacity", "ReturnConsumedCapacity"},
}

var keyCondition = regexp.MustCompile(`(#?[A-Za-z0-9_]+)\s*=\s*(:[A-Za-z0-9_]+)`)

// leadingKeys derives dynamodb:LeadingKeys (the partition key values the
// call touches) when the caller told us the table's partition key.
func (r callReader) leadingKeys(table, op string) map[string][]string {
	if r.ci.PartitionKey == nil || table == "" {
		return nil
	}
	pk, ok := r.ci.PartitionKey(table)
	if !ok {
		return nil
	}
	scalar := func(raw json.RawMessage) (string, bool) {
		av, err := readObject(raw)
		if err != nil {
			return "", false
		}
		for _, t := range []string{"S", "N", "B"} {
			if s, err := jsonString(av[t]); err == nil && av[t] != nil {
				return s, true
			}
		}
		return "", false
	}
	var item map[string]json.RawMessage
	switch op {
	case "GetItem", "UpdateItem", "DeleteItem", "ConditionCheckItem":
		item, _ = readObject(r.in["Key"])
	case "PutItem":
		item, _ = readObject(r.in["Item"])
	case "Query":
		expr := r.str("KeyConditionExpression")
		var names map[string]string
		var values map[string]json.RawMessage
		_ = json.Unmarshal(r.in["ExpressionAttributeNames"], &names)
		_ = json.Unmarshal(r.in["ExpressionAttributeValues"], &values)
		for _, m := range keyCondition.FindAllStringSubmatch(expr, -1) {
			name := m[1]
			if strings.HasPrefix(name, "#") {
				name = names[name]
			}
			if name == pk {
				if v, ok := scalar(values[m[2]]); ok {
					return map[string][]string{"dynamodb:LeadingKeys": {v}}
				}
			}
		}
		return nil
	default:
		return nil
	}
	if v, ok := scalar(item[pk]); ok {
		return map[string][]string{"dynamodb:LeadingKeys": {v}}
	}
	return nil
}

// queueARN turns a queue URL (https://sqs.<region>.amazonaws.com/<account>/<name>,
// or a local endpoint with the same path) into the queue's ARN.
func (r callReader) queueARN() string {
	u := r.str("QueueUrl")
	if u == "" {
		if name := r.str("QueueName"); name != "" {
			acct := r.str("QueueOwnerAWSAccountId")
			if acct == "" {
				acct = r.ci.Account
			}
			return "arn:aws:sqs:" + r.ci.Region + ":" + acct + ":" + name
		}
		return "*"
	}
	path := u
	if p, err := url.Parse(u); err == nil && p.Path != "" {
		path = p.Path
	}
	parts := strings.Split(strings.Trim(path, "/"), "/")
	if len(parts) < 2 {
		return "*"
	}
	region := r.ci.Region
	if p, err := url.Parse(u); err == nil {
		if h := strings.Split(p.Hostname(), "."); len(h) >= 3 && h[0] == "sqs" {
			region = h[1]
		}
	}
	return "arn:aws:sqs:" + region + ":" + parts[len(parts)-2] + ":" + parts[len(parts)-1]
}

func (r callReader) sqs(op string) []Check {
	action := map[string]string{
		"SendMessageBatch": "SendMessage", "DeleteMessageBatch": "DeleteMessage",
		"ChangeMessageVisibilityBatch": "ChangeMessageVisibility",
	}[op]
	if action == "" {
		action = op
	}
	if op == "ListQueues" {
		return one("sqs:ListQueues", "*")
	}
	return one("sqs:"+action, r.queueARN())
}

func (r callReader) sns(op string) []Check {
	switch op {
	case "Publish", "PublishBatch":
		arn := r.str("TopicArn")
		if arn == "" {
			arn = r.str("TargetArn")
		}
		if arn == "" {
			arn = "*" // SMS to a phone number
		}
		return one("sns:Publish", arn)
	case "CreateTopic":
		return one("sns:CreateTopic", r.arn("sns", r.str("Name")))
	case "Subscribe":
		c := Check{Action: "sns:Subscribe", Resource: r.str("TopicArn"), Context: map[string][]string{}}
		if p := r.str("Protocol"); p != "" {
			c.Context["sns:Protocol"] = []string{p}
		}
		if e := r.str("Endpoint"); e != "" {
			c.Context["sns:Endpoint"] = []string{e}
		}
		return []Check{c}
	}
	if arn := r.str("TopicArn"); arn != "" {
		return one("sns:"+op, arn)
	}
	if arn := r.str("ResourceArn"); arn != "" {
		return one("sns:"+op, arn)
	}
	return one("sns:"+op, "*")
}

func (r callReader) busARN(name string) string {
	switch {
	case name == "":
		name = "default"
	case strings.HasPrefix(name, "arn:"):
		return name
	}
	return r.arn("events", "event-bus/"+name)
}

func (r callReader) events(op string) []Check {
	switch op {
	case "PutEvents":
		var entries []struct{ EventBusName, Source, DetailType string }
		_ = json.Unmarshal(r.in["Entries"], &entries)
		byBus := map[string]*Check{}
		var order []string
		for _, e := range entries {
			bus := r.busARN(e.EventBusName)
			c, ok := byBus[bus]
			if !ok {
				c = &Check{Action: "events:PutEvents", Resource: bus, Context: map[string][]string{}}
				byBus[bus] = c
				order = append(order, bus)
			}
			if e.Source != "" {
				c.Context["events:source"] = appendUnique(c.Context["events:source"], e.Source)
			}
			if e.DetailType != "" {
				c.Context["events:detail-type"] = appendUnique(c.Context["events:detail-type"], e.DetailType)
			}
		}
		out := make([]Check, 0, len(order))
		for _, b := range order {
			out = append(out, *byBus[b])
		}
		if len(out) == 0 {
			out = one("events:PutEvents", r.busARN(""))
		}
		return out
	case "PutRule", "DeleteRule", "DescribeRule", "EnableRule", "DisableRule", "PutTargets", "RemoveTargets", "ListTargetsByRule":
		name := r.str("Name")
		if name == "" {
			name = r.str("Rule")
		}
		bus := r.str("EventBusName")
		if i := strings.LastIndex(bus, "/"); strings.HasPrefix(bus, "arn:") && i >= 0 {
			bus = bus[i+1:]
		}
		if bus != "" && bus != "default" {
			name = bus + "/" + name
		}
		return one("events:"+op, r.arn("events", "rule/"+name))
	case "CreateEventBus", "DeleteEventBus", "DescribeEventBus":
		return one("events:"+op, r.busARN(r.str("Name")))
	}
	return one("events:"+op, "*")
}

func appendUnique(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

func (r callReader) ses(op string) []Check {
	switch op {
	case "SendEmail", "SendBulkEmail", "SendRawEmail":
		from := r.str("FromEmailAddress")
		if from == "" {
			from = r.str("Source")
		}
		c := Check{Action: "ses:SendEmail", Resource: "*", Context: map[string][]string{"ses:ApiVersion": {"2"}}}
		if op == "SendRawEmail" {
			c.Action = "ses:SendRawEmail"
		}
		if from != "" {
			addr := from
			if i := strings.LastIndexByte(addr, '<'); i >= 0 {
				addr = strings.TrimSuffix(addr[i+1:], ">")
			}
			c.Context["ses:FromAddress"] = []string{addr}
			// Sending is authorised on the verified identity: the domain of
			// the From address.
			if at := strings.LastIndexByte(addr, '@'); at >= 0 {
				c.Resource = r.arn("ses", "identity/"+addr[at+1:])
			}
		}
		var dest struct{ ToAddresses, CcAddresses, BccAddresses []string }
		_ = json.Unmarshal(r.in["Destination"], &dest)
		if rcpt := append(append(dest.ToAddresses, dest.CcAddresses...), dest.BccAddresses...); len(rcpt) > 0 {
			c.Context["ses:Recipients"] = rcpt
		}
		return []Check{c}
	case "CreateEmailIdentity", "GetEmailIdentity", "DeleteEmailIdentity":
		return one("ses:"+op, r.arn("ses", "identity/"+r.str("EmailIdentity")))
	}
	return one("ses:"+op, "*")
}

// functionARN accepts a function name, a partial ARN (123456789012:function:name)
// or a full ARN, each optionally with :qualifier, plus a Qualifier parameter.
func (r callReader) functionARN() string {
	name := r.str("FunctionName")
	if name == "" {
		return "*"
	}
	var arn string
	switch {
	case strings.HasPrefix(name, "arn:"):
		arn = name
	case strings.Contains(name, ":function:"):
		arn = "arn:aws:lambda:" + r.ci.Region + ":" + name
	default:
		arn = r.arn("lambda", "function:"+name)
	}
	if q := r.str("Qualifier"); q != "" && strings.Count(arn, ":") == 6 {
		arn += ":" + q
	}
	return arn
}

func (r callReader) lambda(op string) []Check {
	switch op {
	case "Invoke", "InvokeAsync", "InvokeWithResponseStream":
		return one("lambda:InvokeFunction", r.functionARN())
	case "ListFunctions", "ListEventSourceMappings", "CreateEventSourceMapping", "GetAccountSettings", "ListLayers":
		return one("lambda:"+op, "*")
	}
	return one("lambda:"+op, r.functionARN())
}

func (r callReader) logs(op string) []Check {
	group := r.str("logGroupName")
	stream := r.str("logStreamName")
	switch {
	case group == "":
		return one("logs:"+op, "*")
	case stream != "":
		return one("logs:"+op, r.arn("logs", "log-group:"+group+":log-stream:"+stream))
	}
	return one("logs:"+op, r.arn("logs", "log-group:"+group))
}

func (r callReader) s3(op string) []Check {
	bucket, key := r.str("Bucket"), r.str("Key")
	object := "arn:aws:s3:::" + bucket + "/" + key
	bucketARN := "arn:aws:s3:::" + bucket
	switch op {
	case "GetObject", "HeadObject", "GetObjectAttributes":
		return one("s3:GetObject", object)
	case "PutObject", "DeleteObject", "GetObjectTagging", "PutObjectTagging", "DeleteObjectTagging", "RestoreObject", "AbortMultipartUpload":
		return one("s3:"+op, object)
	case "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload":
		return one("s3:PutObject", object)
	case "CopyObject":
		src := strings.TrimPrefix(r.str("CopySource"), "/")
		if i := strings.IndexByte(src, '?'); i >= 0 {
			src = src[:i]
		}
		return []Check{{Action: "s3:GetObject", Resource: "arn:aws:s3:::" + src}, {Action: "s3:PutObject", Resource: object}}
	case "ListObjects", "ListObjectsV2", "HeadBucket":
		c := Check{Action: "s3:ListBucket", Resource: bucketARN, Context: map[string][]string{}}
		for key, param := range map[string]string{"s3:prefix": "Prefix", "s3:delimiter": "Delimiter"} {
			if v := r.str(param); v != "" {
				c.Context[key] = []string{v}
			}
		}
		if raw, ok := r.in["MaxKeys"]; ok {
			c.Context["s3:max-keys"] = []string{strings.Trim(string(raw), `"`)}
		}
		return []Check{c}
	case "ListBuckets":
		return one("s3:ListAllMyBuckets", "*")
	}
	if bucket == "" {
		return one("s3:"+op, "*")
	}
	if key != "" {
		return one("s3:"+op, object)
	}
	return one("s3:"+op, bucketARN)
}
