package main

import (
	"context"
	"fmt"

	"github.com/aws/aws-lambda-go/lambda"
)

// loads counts how often the price list was built in this execution
// environment. It is a diagnostic, reported in every answer: leave it.
var loads int

// loadPriceList stands for slow set-up: it builds a price for each of
// 5,000 SKUs. It does not depend on the event.
func loadPriceList() map[string]int {
	loads++
	fmt.Println("building the price list")
	prices := make(map[string]int, 5000)
	for i := 0; i < 5000; i++ {
		prices[fmt.Sprintf("SKU-%05d", i)] = 100 + (i*37)%900
	}
	return prices
}

// Request is the event: {"sku": "SKU-00042"}.
type Request struct {
	SKU string `json:"sku"`
}

// Price is the answer.
type Price struct {
	SKU   string `json:"sku"`
	Cents int    `json:"cents"`
	Loads int    `json:"loads"`
}

// prices is built once, during Init, and shared by every invocation of the
// environment. It is read-only, so sharing it is safe.
var prices map[string]int

func handler(ctx context.Context, req Request) (Price, error) {
	cents, ok := prices[req.SKU]
	if !ok {
		return Price{}, fmt.Errorf("unknown sku %q", req.SKU)
	}
	return Price{SKU: req.SKU, Cents: cents, Loads: loads}, nil
}

func main() {
	prices = loadPriceList()
	lambda.Start(handler)
}
