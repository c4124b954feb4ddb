package views

// PlaygroundTable is one DynamoDB table of a learner's playground and a page
// of its items.
type PlaygroundTable struct {
	Name      string // physical table name
	LogicalID string // its logical ID in the template, when known
	Keys      []PlaygroundKey
	Indexes   []string // secondary index names
	ItemCount int64
	Items     []string // one page, each item as indented JSON
	Plain     bool     // Items are plain JSON rather than DynamoDB JSON
	Paged     bool     // this is not the first page
	ViewURL   string   // the table's own page (first page, same format)
	ToggleURL string   // this page in the other format
	NextURL   string   // the next page; empty on the last
	ID        string   // HTML id for links to this table
}

// PlaygroundKey is one attribute of a table's primary key.
type PlaygroundKey struct {
	Role string // "partition key" or "sort key"
	Name string
	Type string // S, N or B
}

// PlaygroundQueue is one SQS queue of a playground, read without
// receiving anything.
type PlaygroundQueue struct {
	Name      string
	LogicalID string
	Visible   int
	InFlight  int
	Delayed   int
	Messages  []PlaygroundMessage // the first few
}

// PlaygroundMessage is a queued message as the page shows it.
type PlaygroundMessage struct {
	ID           string
	Body         string // possibly cut short
	ReceiveCount int
	InFlight     bool
	GroupID      string
}

// PlaygroundEmail is one message of the SES outbox.
type PlaygroundEmail struct {
	Time    string // "15:04:05"
	From    string
	To      string // comma-separated
	Subject string
	Excerpt string // the start of the text (or HTML source) body
}

// PlaygroundTablePage is the page of one playground table: its items, a
// page at a time.
type PlaygroundTablePage struct {
	Page
	ExerciseTitle string
	ExerciseURL   string
	ExerciseCSS   string
	Table         PlaygroundTable
}
