package sam_test

import (
	"fmt"

	"github.com/learnsls/learnsls/sandbox/sam"
)

func ExampleLoad() {
	template := []byte(`
Transform: AWS::Serverless-2016-10-31
Resources:
  Users:
    Type: AWS::Serverless::SimpleTable
    Properties: {TableName: users}
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: provided.al2023
      FunctionName: users-api
      Policies: [{DynamoDBReadPolicy: {TableName: !Ref Users}}]
      Events:
        Get: {Type: Api, Properties: {Path: "/users/{id}", Method: get}}
`)
	m, err := sam.Load("template.yaml", template, sam.Options{Region: "eu-west-1", AccountID: "111122223333"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range m.Resources {
		fmt.Println(r.Type, r.LogicalID)
	}
	fmt.Println(m.Resource("ApiGetPermissionProd").Properties["SourceArn"])
	// Output:
	// AWS::DynamoDB::Table Users
	// AWS::IAM::Role ApiRole
	// AWS::Lambda::Function Api
	// AWS::ApiGateway::RestApi ServerlessRestApi
	// AWS::ApiGateway::Deployment ServerlessRestApiDeployment3473198dca
	// AWS::ApiGateway::Stage ServerlessRestApiProdStage
	// AWS::Lambda::Permission ApiGetPermissionProd
	// arn:aws:execute-api:eu-west-1:111122223333:mvvm65nijx/*/GET/users/*
}

func ExampleLoad_error() {
	_, err := sam.Load("template.yaml", []byte(`
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: provided.al2023
      MemorySize: lots
`), sam.Options{})
	fmt.Println(err)
	// Output:
	// template.yaml:8:7: [E3012] Property Resources/Fn/Properties/MemorySize should be of type Integer
}
