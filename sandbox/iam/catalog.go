package iam

import "strings"

// The service catalog: for each service the sandbox simulates, its actions,
// which resource types each action accepts, the resource types' ARN formats
// and the service's condition keys, after AWS's Service Authorization
// Reference. It is deliberately limited to what the course uses and what
// validation needs; it is not a copy of the whole reference.

// Service describes one AWS service prefix.
type Service struct {
	Prefix        string
	Name          string
	ResourceTypes map[string]string   // type -> ARN format with ${Var} placeholders
	Actions       map[string][]string // action (canonical case) -> resource types ([] = only "*")
	ConditionKeys []string            // service keys; a trailing "/" marks a prefix such as s3:ExistingObjectTag/
	MultiValued   []string            // condition keys that carry several values
	NoRegion      bool                // ARNs leave the Region empty (s3, iam)
	NoAccount     bool                // ARNs leave the account empty (s3)
}

// LookupAction finds an action case-insensitively and returns its canonical
// name and resource types.
func (s *Service) LookupAction(name string) (string, []string, bool) {
	if rt, ok := s.Actions[name]; ok {
		return name, rt, true
	}
	for a, rt := range s.Actions {
		if strings.EqualFold(a, name) {
			return a, rt, true
		}
	}
	return "", nil, false
}

func acts(rt []string, names ...string) map[string][]string {
	m := make(map[string][]string, len(names))
	for _, n := range names {
		m[n] = rt
	}
	return m
}

func merge(ms ...map[string][]string) map[string][]string {
	out := map[string][]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

var none = []string{}

// Catalog lists the simulated services by prefix.
var Catalog = map[string]*Service{
	"dynamodb": {
		Prefix: "dynamodb", Name: "Amazon DynamoDB",
		ResourceTypes: map[string]string{
			"table":        "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}",
			"index":        "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}/index/${IndexName}",
			"stream":       "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}/stream/${StreamLabel}",
			"backup":       "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}/backup/${BackupName}",
			"export":       "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}/export/${ExportName}",
			"import":       "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}/import/${ImportName}",
			"global-table": "arn:${Partition}:dynamodb::${Account}:global-table/${GlobalTableName}",
		},
		Actions: merge(
			acts([]string{"table"}, "GetItem", "PutItem", "UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem",
				"ConditionCheckItem", "DescribeTable", "CreateTable", "DeleteTable", "UpdateTable", "TagResource",
				"UntagResource", "ListTagsOfResource", "DescribeTimeToLive", "UpdateTimeToLive", "DescribeContinuousBackups",
				"UpdateContinuousBackups", "CreateBackup", "PartiQLInsert", "PartiQLUpdate", "PartiQLDelete"),
			acts([]string{"table", "index"}, "Query", "Scan", "PartiQLSelect"),
			acts([]string{"table", "backup"}, "RestoreTableFromBackup"),
			acts([]string{"stream"}, "DescribeStream", "GetRecords", "GetShardIterator"),
			acts([]string{"backup"}, "DescribeBackup", "DeleteBackup"),
			acts([]string{"global-table"}, "CreateGlobalTable", "DescribeGlobalTable", "UpdateGlobalTable", "DescribeGlobalTableSettings", "UpdateGlobalTableSettings"),
			acts([]string{"export"}, "DescribeExport"),
			acts([]string{"import"}, "DescribeImport"),
			acts(none, "ListTables", "DescribeLimits", "ListStreams", "DescribeEndpoints", "ListBackups"),
		),
		ConditionKeys: []string{"dynamodb:LeadingKeys", "dynamodb:Attributes", "dynamodb:Select", "dynamodb:ReturnValues",
			"dynamodb:ReturnConsumedCapacity", "dynamodb:EnclosingOperation", "dynamodb:FullTableScan"},
		MultiValued: []string{"dynamodb:LeadingKeys", "dynamodb:Attributes"},
	},
	"lambda": {
		Prefix: "lambda", Name: "AWS Lambda",
		ResourceTypes: map[string]string{
			"function":            "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}",
			"layer":               "arn:${Partition}:lambda:${Region}:${Account}:layer:${LayerName}",
			"layerVersion":        "arn:${Partition}:lambda:${Region}:${Account}:layer:${LayerName}:${LayerVersion}",
			"eventSourceMapping":  "arn:${Partition}:lambda:${Region}:${Account}:event-source-mapping:${UUID}",
			"code signing config": "arn:${Partition}:lambda:${Region}:${Account}:code-signing-config:${CodeSigningConfigId}",
		},
		Actions: merge(
			acts([]string{"function"}, "InvokeFunction", "InvokeFunctionUrl", "InvokeAsync", "GetFunction", "GetFunctionConfiguration",
				"UpdateFunctionCode", "UpdateFunctionConfiguration", "DeleteFunction", "CreateFunction", "AddPermission",
				"RemovePermission", "GetPolicy", "PublishVersion", "CreateAlias", "GetAlias", "DeleteAlias", "UpdateAlias",
				"ListVersionsByFunction", "ListAliases", "PutFunctionConcurrency", "DeleteFunctionConcurrency",
				"GetFunctionConcurrency", "TagResource", "UntagResource", "ListTags", "PutFunctionEventInvokeConfig",
				"GetFunctionEventInvokeConfig", "CreateFunctionUrlConfig", "GetFunctionUrlConfig", "DeleteFunctionUrlConfig",
				"PutProvisionedConcurrencyConfig", "GetProvisionedConcurrencyConfig"),
			acts([]string{"eventSourceMapping"}, "GetEventSourceMapping", "UpdateEventSourceMapping", "DeleteEventSourceMapping"),
			acts([]string{"layer"}, "ListLayerVersions"),
			acts([]string{"layerVersion"}, "GetLayerVersion", "PublishLayerVersion", "DeleteLayerVersion", "AddLayerVersionPermission"),
			acts(none, "ListFunctions", "ListEventSourceMappings", "CreateEventSourceMapping", "GetAccountSettings", "ListLayers"),
		),
		ConditionKeys: []string{"lambda:FunctionArn", "lambda:Principal", "lambda:FunctionUrlAuthType", "lambda:Layer",
			"lambda:SourceFunctionArn", "lambda:EventSourceToken", "lambda:CodeSigningConfigArn", "lambda:VpcIds",
			"lambda:SubnetIds", "lambda:SecurityGroupIds", "lambda:InvokedViaFunctionUrl"},
		MultiValued: []string{"lambda:Layer", "lambda:SubnetIds", "lambda:SecurityGroupIds"},
	},
	"execute-api": {
		Prefix: "execute-api", Name: "Amazon API Gateway (invoke)",
		ResourceTypes: map[string]string{
			"execute-api-general": "arn:${Partition}:execute-api:${Region}:${Account}:${ApiId}/${Stage}/${Method}/${ApiSpecificResourcePath*}",
		},
		Actions:       acts([]string{"execute-api-general"}, "Invoke", "ManageConnections", "InvalidateCache"),
		ConditionKeys: []string{"execute-api:viaDomainArn"},
	},
	"sqs": {
		Prefix: "sqs", Name: "Amazon SQS",
		ResourceTypes: map[string]string{"queue": "arn:${Partition}:sqs:${Region}:${Account}:${QueueName}"},
		Actions: merge(
			acts([]string{"queue"}, "SendMessage", "ReceiveMessage", "DeleteMessage", "ChangeMessageVisibility",
				"GetQueueAttributes", "SetQueueAttributes", "GetQueueUrl", "PurgeQueue", "CreateQueue", "DeleteQueue",
				"ListDeadLetterSourceQueues", "TagQueue", "UntagQueue", "ListQueueTags", "AddPermission", "RemovePermission",
				"StartMessageMoveTask", "ListMessageMoveTasks", "CancelMessageMoveTask"),
			acts(none, "ListQueues"),
		),
	},
	"sns": {
		Prefix: "sns", Name: "Amazon SNS",
		ResourceTypes: map[string]string{"topic": "arn:${Partition}:sns:${Region}:${Account}:${TopicName}"},
		Actions: merge(
			acts([]string{"topic"}, "Publish", "Subscribe", "CreateTopic", "DeleteTopic", "GetTopicAttributes",
				"SetTopicAttributes", "ListSubscriptionsByTopic", "TagResource", "UntagResource", "ListTagsForResource",
				"AddPermission", "RemovePermission", "ConfirmSubscription", "GetDataProtectionPolicy", "PutDataProtectionPolicy"),
			acts(none, "ListTopics", "ListSubscriptions", "GetSubscriptionAttributes", "SetSubscriptionAttributes", "Unsubscribe"),
		),
		ConditionKeys: []string{"sns:Endpoint", "sns:Protocol"},
	},
	"events": {
		Prefix: "events", Name: "Amazon EventBridge",
		ResourceTypes: map[string]string{
			"event-bus":       "arn:${Partition}:events:${Region}:${Account}:event-bus/${EventBusName}",
			"rule":            "arn:${Partition}:events:${Region}:${Account}:rule/${RuleNameWithBus*}",
			"archive":         "arn:${Partition}:events:${Region}:${Account}:archive/${ArchiveName}",
			"replay":          "arn:${Partition}:events:${Region}:${Account}:replay/${ReplayName}",
			"connection":      "arn:${Partition}:events:${Region}:${Account}:connection/${ConnectionName*}",
			"api-destination": "arn:${Partition}:events:${Region}:${Account}:api-destination/${ApiDestinationName*}",
			"endpoint":        "arn:${Partition}:events:${Region}:${Account}:endpoint/${EndpointName}",
		},
		Actions: merge(
			acts([]string{"event-bus"}, "PutEvents", "CreateEventBus", "DeleteEventBus", "DescribeEventBus", "PutPermission", "RemovePermission"),
			acts([]string{"rule"}, "PutRule", "DeleteRule", "DescribeRule", "EnableRule", "DisableRule", "PutTargets",
				"RemoveTargets", "ListTargetsByRule"),
			acts([]string{"rule", "event-bus"}, "TagResource", "UntagResource", "ListTagsForResource"),
			acts(none, "ListRules", "ListEventBuses", "TestEventPattern", "ListRuleNamesByTarget"),
		),
		ConditionKeys: []string{"events:source", "events:detail-type", "events:detail.userIdentity.principalId",
			"events:eventBusInvocation", "events:ManagedBy", "events:TargetArn", "events:creatorAccount"},
		MultiValued: []string{"events:source", "events:detail-type", "events:TargetArn"},
	},
	"logs": {
		Prefix: "logs", Name: "Amazon CloudWatch Logs",
		ResourceTypes: map[string]string{
			"log-group":   "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName*}",
			"log-stream":  "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName*}:log-stream:${LogStreamName*}",
			"destination": "arn:${Partition}:logs:${Region}:${Account}:destination:${DestinationName}",
		},
		Actions: merge(
			acts([]string{"log-group"}, "CreateLogGroup", "CreateLogStream", "DeleteLogGroup", "DescribeLogStreams",
				"FilterLogEvents", "PutRetentionPolicy", "DeleteRetentionPolicy", "StartQuery", "TagResource", "UntagResource",
				"ListTagsForResource", "PutSubscriptionFilter", "DeleteSubscriptionFilter", "DescribeSubscriptionFilters"),
			acts([]string{"log-stream"}, "PutLogEvents", "GetLogEvents", "DeleteLogStream"),
			acts(none, "DescribeLogGroups", "GetQueryResults", "StopQuery", "DescribeQueries"),
		),
		ConditionKeys: []string{},
	},
	"s3": {
		Prefix: "s3", Name: "Amazon S3", NoRegion: true, NoAccount: true,
		ResourceTypes: map[string]string{
			"bucket": "arn:${Partition}:s3:::${BucketName}",
			"object": "arn:${Partition}:s3:::${BucketName}/${ObjectName*}",
			// Access points and jobs carry a Region and an account.
			"accesspoint": "arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}",
			"job":         "arn:${Partition}:s3:${Region}:${Account}:job/${JobId}",
		},
		Actions: merge(
			acts([]string{"object", "accesspoint"}, "GetObject", "PutObject", "DeleteObject", "GetObjectVersion", "DeleteObjectVersion",
				"GetObjectTagging", "PutObjectTagging", "DeleteObjectTagging", "GetObjectAcl", "PutObjectAcl",
				"AbortMultipartUpload", "ListMultipartUploadParts", "RestoreObject", "GetObjectAttributes"),
			acts([]string{"bucket", "accesspoint"}, "ListBucket", "ListBucketVersions", "ListBucketMultipartUploads", "GetBucketLocation",
				"CreateBucket", "DeleteBucket", "GetBucketPolicy", "PutBucketPolicy", "DeleteBucketPolicy",
				"GetBucketNotification", "PutBucketNotification", "GetBucketVersioning", "PutBucketVersioning",
				"GetBucketTagging", "PutBucketTagging", "GetBucketCORS", "PutBucketCORS", "GetBucketAcl", "PutBucketAcl",
				"GetLifecycleConfiguration", "PutLifecycleConfiguration", "GetEncryptionConfiguration", "PutEncryptionConfiguration"),
			acts(none, "ListAllMyBuckets", "GetAccountPublicAccessBlock", "PutAccountPublicAccessBlock"),
		),
		ConditionKeys: []string{"s3:prefix", "s3:delimiter", "s3:max-keys", "s3:x-amz-acl", "s3:x-amz-server-side-encryption",
			"s3:ExistingObjectTag/", "s3:RequestObjectTag/", "s3:RequestObjectTagKeys", "s3:VersionId", "s3:signatureversion",
			"s3:authType", "s3:ResourceAccount", "s3:TlsVersion", "s3:x-amz-content-sha256", "s3:x-amz-copy-source",
			"s3:x-amz-storage-class", "s3:object-lock-mode"},
		MultiValued: []string{"s3:RequestObjectTagKeys"},
	},
	"iam": {
		Prefix: "iam", Name: "AWS Identity and Access Management", NoRegion: true,
		ResourceTypes: map[string]string{
			"role":               "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath*}",
			"user":               "arn:${Partition}:iam::${Account}:user/${UserNameWithPath*}",
			"group":              "arn:${Partition}:iam::${Account}:group/${GroupNameWithPath*}",
			"policy":             "arn:${Partition}:iam::${Account}:policy/${PolicyNameWithPath*}",
			"mfa":                "arn:${Partition}:iam::${Account}:mfa/${MfaTokenIdWithPath*}",
			"instance-profile":   "arn:${Partition}:iam::${Account}:instance-profile/${InstanceProfileNameWithPath*}",
			"oidc-provider":      "arn:${Partition}:iam::${Account}:oidc-provider/${OidcProviderName*}",
			"saml-provider":      "arn:${Partition}:iam::${Account}:saml-provider/${SamlProviderName}",
			"server-certificate": "arn:${Partition}:iam::${Account}:server-certificate/${CertificateNameWithPath*}",
		},
		Actions: merge(
			acts([]string{"role"}, "PassRole", "GetRole", "CreateRole", "DeleteRole", "AttachRolePolicy", "DetachRolePolicy",
				"PutRolePolicy", "DeleteRolePolicy", "GetRolePolicy", "ListRolePolicies", "ListAttachedRolePolicies",
				"UpdateAssumeRolePolicy", "UpdateRole", "TagRole", "UntagRole", "PutRolePermissionsBoundary",
				"DeleteRolePermissionsBoundary", "CreateServiceLinkedRole", "ListRoleTags"),
			acts([]string{"user"}, "GetUser", "CreateUser", "DeleteUser", "AttachUserPolicy", "DetachUserPolicy", "PutUserPolicy",
				"DeleteUserPolicy", "ListAttachedUserPolicies", "ListUserPolicies", "CreateAccessKey", "DeleteAccessKey",
				"ListAccessKeys", "ChangePassword", "EnableMFADevice", "DeactivateMFADevice", "ListMFADevices", "TagUser",
				"UntagUser", "PutUserPermissionsBoundary", "DeleteUserPermissionsBoundary", "CreateLoginProfile",
				"UpdateLoginProfile", "ListGroupsForUser"),
			acts([]string{"group"}, "CreateGroup", "GetGroup", "DeleteGroup", "AddUserToGroup", "RemoveUserFromGroup",
				"AttachGroupPolicy", "DetachGroupPolicy"),
			acts([]string{"policy"}, "CreatePolicy", "GetPolicy", "DeletePolicy", "GetPolicyVersion", "CreatePolicyVersion",
				"DeletePolicyVersion", "ListPolicyVersions", "SetDefaultPolicyVersion", "ListEntitiesForPolicy"),
			acts(none, "ListRoles", "ListUsers", "ListGroups", "ListPolicies", "GetAccountSummary", "ListAccountAliases",
				"GetAccountPasswordPolicy", "SimulateCustomPolicy", "CreateVirtualMFADevice"),
		),
		ConditionKeys: []string{"iam:PassedToService", "iam:PermissionsBoundary", "iam:PolicyARN", "iam:AssociatedResourceArn",
			"iam:ResourceTag/", "iam:AWSServiceName", "iam:OrganizationsPolicyId"},
	},
	"sts": {
		Prefix: "sts", Name: "AWS Security Token Service", NoRegion: true,
		ResourceTypes: map[string]string{
			"role":           "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath*}",
			"user":           "arn:${Partition}:iam::${Account}:user/${UserNameWithPath*}",
			"assumed-role":   "arn:${Partition}:sts::${Account}:assumed-role/${RoleName}/${RoleSessionName}",
			"federated-user": "arn:${Partition}:sts::${Account}:federated-user/${UserName}",
			"self-session":   "arn:${Partition}:sts::${Account}:self",
		},
		Actions: merge(
			acts([]string{"role"}, "AssumeRole", "AssumeRoleWithWebIdentity", "AssumeRoleWithSAML", "TagSession", "SetSourceIdentity"),
			acts([]string{"user"}, "GetFederationToken"),
			acts(none, "GetCallerIdentity", "GetSessionToken", "DecodeAuthorizationMessage", "GetAccessKeyInfo"),
		),
		ConditionKeys: []string{"sts:ExternalId", "sts:RoleSessionName", "sts:SourceIdentity", "sts:TransitiveTagKeys", "sts:DurationSeconds"},
		MultiValued:   []string{"sts:TransitiveTagKeys"},
	},
	"ses": {
		Prefix: "ses", Name: "Amazon SES",
		ResourceTypes: map[string]string{
			"identity":          "arn:${Partition}:ses:${Region}:${Account}:identity/${IdentityName}",
			"configuration-set": "arn:${Partition}:ses:${Region}:${Account}:configuration-set/${ConfigurationSetName}",
			"template":          "arn:${Partition}:ses:${Region}:${Account}:template/${TemplateName}",
		},
		Actions: merge(
			acts([]string{"identity", "configuration-set"}, "SendEmail", "SendRawEmail", "SendTemplatedEmail", "SendBulkEmail", "SendBulkTemplatedEmail"),
			acts([]string{"identity"}, "GetIdentityVerificationAttributes", "DeleteIdentity"),
			acts([]string{"template"}, "CreateTemplate", "GetTemplate", "DeleteTemplate"),
			acts(none, "GetSendQuota", "ListIdentities", "VerifyEmailIdentity", "VerifyDomainIdentity", "GetAccount", "ListTemplates"),
		),
		ConditionKeys: []string{"ses:FromAddress", "ses:Recipients", "ses:FromDisplayName", "ses:FeedbackAddress", "ses:ApiVersion"},
		MultiValued:   []string{"ses:Recipients"},
	},
}

// keyType is the data type of a condition key, for operator checks.
type keyType uint8

const (
	typeString keyType = iota
	typeARN
	typeBool
	typeDate
	typeNumeric
	typeIP
)

func (t keyType) String() string {
	return [...]string{"String", "ARN", "Bool", "Date", "Numeric", "IPAddress"}[t]
}

type globalKey struct {
	name  string
	typ   keyType
	multi bool
}

// globalKeys are the aws: condition keys validation knows; a trailing "/"
// marks a tag prefix.
var globalKeys = []globalKey{
	{"aws:SourceIp", typeIP, false}, {"aws:CurrentTime", typeDate, false}, {"aws:EpochTime", typeDate, false},
	{"aws:SecureTransport", typeBool, false}, {"aws:MultiFactorAuthPresent", typeBool, false},
	{"aws:MultiFactorAuthAge", typeNumeric, false}, {"aws:PrincipalTag/", typeString, false},
	{"aws:RequestTag/", typeString, false}, {"aws:ResourceTag/", typeString, false}, {"aws:TagKeys", typeString, true},
	{"aws:SourceArn", typeARN, false}, {"aws:SourceAccount", typeString, false}, {"aws:SourceOwner", typeString, false},
	{"aws:PrincipalArn", typeARN, false}, {"aws:PrincipalAccount", typeString, false}, {"aws:PrincipalType", typeString, false},
	{"aws:username", typeString, false}, {"aws:userid", typeString, false}, {"aws:UserAgent", typeString, false},
	{"aws:Referer", typeString, false}, {"aws:RequestedRegion", typeString, false}, {"aws:SourceVpc", typeString, false},
	{"aws:SourceVpce", typeString, false}, {"aws:VpcSourceIp", typeIP, false}, {"aws:PrincipalOrgID", typeString, false},
	{"aws:PrincipalOrgPaths", typeString, true}, {"aws:PrincipalServiceName", typeString, false},
	{"aws:PrincipalServiceNamesList", typeString, true}, {"aws:CalledVia", typeString, true},
	{"aws:CalledViaFirst", typeString, false}, {"aws:CalledViaLast", typeString, false}, {"aws:ViaAWSService", typeBool, false},
	{"aws:TokenIssueTime", typeDate, false}, {"aws:PrincipalIsAWSService", typeBool, false},
	{"aws:ResourceAccount", typeString, false}, {"aws:ResourceOrgID", typeString, false}, {"aws:ResourceOrgPaths", typeString, true},
	{"aws:SourceOrgID", typeString, false}, {"aws:SourceOrgPaths", typeString, true}, {"aws:SourceIdentity", typeString, false},
	{"aws:FederatedProvider", typeString, false}, {"aws:Ec2InstanceSourceVpc", typeString, false},
}

func findGlobalKey(key string) (globalKey, bool) {
	for _, g := range globalKeys {
		if strings.HasSuffix(g.name, "/") {
			if len(key) > len(g.name) && strings.EqualFold(key[:len(g.name)], g.name) {
				return g, true
			}
			continue
		}
		if strings.EqualFold(g.name, key) {
			return g, true
		}
	}
	return globalKey{}, false
}

// serviceKey reports whether key is one of svc's condition keys, and whether
// it is multivalued.
func serviceKey(svc *Service, key string) (ok, multi bool) {
	for _, k := range svc.ConditionKeys {
		if strings.HasSuffix(k, "/") {
			if len(key) > len(k) && strings.EqualFold(key[:len(k)], k) {
				ok = true
			}
		} else if strings.EqualFold(k, key) {
			ok = true
		}
	}
	for _, k := range svc.MultiValued {
		if strings.EqualFold(k, key) {
			multi = true
		}
	}
	return ok, multi
}

// arnTemplateMatch reports whether a policy resource (possibly with
// wildcards) can name a resource of the given ARN format. Placeholders match
// a name without "/" or ":" (or anything, when marked with *). The policy's
// own wildcards are tried with a few sample expansions ("", "x", "x/x", …),
// which approximates "the two patterns overlap" for the shapes policies use.
func arnTemplateMatch(format, resource string) bool {
	var pat strings.Builder
	for i := 0; i < len(format); {
		if strings.HasPrefix(format[i:], "${") {
			end := strings.IndexByte(format[i:], '}')
			name := format[i+2 : i+end]
			switch {
			case name == "Partition" || name == "Region" || name == "Account":
				pat.WriteByte('\x02') // any text without ':'
			case strings.HasSuffix(name, "*"):
				pat.WriteByte('*')
			default:
				pat.WriteByte('\x01') // a name: no '/' or ':'
			}
			i += end + 1
			continue
		}
		pat.WriteByte(format[i])
		i++
	}
	p := pat.String()
	for _, sample := range expansions(resource) {
		if templMatch(p, sample) {
			return true
		}
	}
	return false
}

// expansions replaces ? by one character and each of the first three * by
// each of a few sample strings (later stars by "x").
func expansions(res string) []string {
	res = strings.ReplaceAll(res, "?", "x")
	if !strings.Contains(res, "*") {
		return []string{res}
	}
	out := []string{""}
	stars := 0
	for i := 0; i < len(res); i++ {
		c := res[i]
		if c != '*' {
			for j := range out {
				out[j] += string(c)
			}
			continue
		}
		stars++
		if stars > 3 {
			for j := range out {
				out[j] += "x"
			}
			continue
		}
		var next []string
		for _, o := range out {
			for _, e := range []string{"", "x", "x/x", "x/x/x", "x/x/x/x"} {
				next = append(next, o+e)
			}
		}
		out = next
	}
	return out
}

// templMatch matches with three kinds of placeholder: '*' anything, '\x01'
// one or more characters other than '/' and ':' (a name), '\x02' characters
// other than ':' (possibly none).
func templMatch(p, s string) bool {
	if p == "" {
		return s == ""
	}
	switch p[0] {
	case '*':
		for i := 0; i <= len(s); i++ {
			if templMatch(p[1:], s[i:]) {
				return true
			}
		}
		return false
	case '\x01', '\x02':
		slash, min := true, 1
		if p[0] == '\x02' {
			slash, min = false, 0
		}
		for i := 0; i <= len(s); i++ {
			if i >= min && templMatch(p[1:], s[i:]) {
				return true
			}
			if i < len(s) && (s[i] == ':' || (slash && s[i] == '/')) {
				return false
			}
		}
		return false
	}
	if s == "" || s[0] != p[0] {
		return false
	}
	return templMatch(p[1:], s[1:])
}
