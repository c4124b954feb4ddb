// Package sam turns a learner's template.yaml — the subset of AWS SAM and
// CloudFormation that learnsls models — into a resolved list of plain
// CloudFormation-level resources, in the order CloudFormation would create
// them.
//
// The pipeline is the one AWS runs, in miniature:
//
//	Parse       YAML or JSON -> Template (positions kept for every node)
//	Transform   Globals, AWS::Serverless::* -> AWS::Lambda::Function, IAM roles,
//	            API Gateway APIs and stages, permissions, event source mappings
//	Resolve     Parameters, Conditions, Mappings and intrinsic functions, with
//	            physical IDs and ARNs from a Namer the caller passes in
//
// Errors point at file:line:column and read like `sam validate` and cfn-lint,
// because learners will meet those tools on AWS. The package knows nothing of
// the simulated services; sandbox.Stack creates them from the Model.
package sam
