package sandbox

// managedPolicies are the documents of the AWS managed policies a template
// may attach (sam.ManagedPolicyNames), keyed by ARN in the aws partition.
// They are the statements AWS publishes for those policies, trimmed to the
// services learnsls simulates.
var managedPolicies = map[string]string{
	"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole": `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}`,
	"arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole": `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":["dynamodb:DescribeStream","dynamodb:GetRecords","dynamodb:GetShardIterator","dynamodb:ListStreams",
		"logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}`,
	"arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole": `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":["sqs:ReceiveMessage","sqs:DeleteMessage","sqs:GetQueueAttributes",
		"logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}`,
	"arn:aws:iam::aws:policy/service-role/AWSLambdaRole": `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":["lambda:InvokeFunction"],"Resource":["*"]}]}`,
	"arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess": `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":["dynamodb:*"],"Resource":"*"}]}`,
	"arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess": `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":["dynamodb:BatchGetItem","dynamodb:Describe*","dynamodb:List*","dynamodb:GetItem",
		"dynamodb:Query","dynamodb:Scan","dynamodb:PartiQLSelect"],"Resource":"*"}]}`,
	"arn:aws:iam::aws:policy/AmazonSQSFullAccess": `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":["sqs:*"],"Resource":"*"}]}`,
	"arn:aws:iam::aws:policy/AmazonSNSFullAccess": `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":["sns:*"],"Resource":"*"}]}`,
	"arn:aws:iam::aws:policy/AmazonEventBridgeFullAccess": `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":["events:*"],"Resource":"*"}]}`,
	"arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess": `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":["xray:PutTraceSegments","xray:PutTelemetryRecords","xray:GetSamplingRules",
		"xray:GetSamplingTargets","xray:GetSamplingStatisticSummaries"],"Resource":["*"]}]}`,
}
