// Package iam simulates AWS Identity and Access Management for the sandbox:
// it parses policy documents (keeping line:column spans of every element),
// validates them the way IAM Access Analyzer does (findings with a type, an
// issue code, a JSON path and a span), evaluates requests by IAM's
// single-account logic (identity policies, permissions boundaries and
// resource-based policies, every condition operator, set qualifiers and
// policy variables) and explains each decision for learners.
//
// The sandbox calls Evaluate on every AWS call a learner's function makes
// and on every cross-service Lambda invoke, so Evaluate is allocation-light;
// Explain re-runs the same logic with a full trace when a learner asks why.
package iam
