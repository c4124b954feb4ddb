package dynamodb

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
)

// CreateTableInput is CreateTable's request.
type CreateTableInput struct {
	TableName                 string                 `json:"TableName"`
	KeySchema                 []KeySchemaElement     `json:"KeySchema"`
	AttributeDefinitions      []AttributeDefinition  `json:"AttributeDefinitions"`
	BillingMode               string                 `json:"BillingMode,omitempty"`
	ProvisionedThroughput     *ProvisionedThroughput `json:"ProvisionedThroughput,omitempty"`
	GlobalSecondaryIndexes    []SecondaryIndex       `json:"GlobalSecondaryIndexes,omitempty"`
	LocalSecondaryIndexes     []SecondaryIndex       `json:"LocalSecondaryIndexes,omitempty"`
	StreamSpecification       *StreamSpecification   `json:"StreamSpecification,omitempty"`
	Tags                      []Tag                  `json:"Tags,omitempty"`
	DeletionProtectionEnabled bool                   `json:"DeletionProtectionEnabled,omitempty"`
}

// SecondaryIndex describes a GSI or LSI in requests.
type SecondaryIndex struct {
	IndexName             string                 `json:"IndexName"`
	KeySchema             []KeySchemaElement     `json:"KeySchema"`
	Projection            Projection             `json:"Projection"`
	ProvisionedThroughput *ProvisionedThroughput `json:"ProvisionedThroughput,omitempty"`
}

// Tag is a resource tag.
type Tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// TableDescription is what DescribeTable and friends return.
type TableDescription struct {
	AttributeDefinitions      []AttributeDefinition `json:"AttributeDefinitions"`
	TableName                 string                `json:"TableName"`
	KeySchema                 []KeySchemaElement    `json:"KeySchema"`
	TableStatus               string                `json:"TableStatus"`
	CreationDateTime          float64               `json:"CreationDateTime"`
	ProvisionedThroughput     ThroughputDescription `json:"ProvisionedThroughput"`
	TableSizeBytes            int64                 `json:"TableSizeBytes"`
	ItemCount                 int64                 `json:"ItemCount"`
	TableArn                  string                `json:"TableArn"`
	TableId                   string                `json:"TableId"`
	BillingModeSummary        *BillingModeSummary   `json:"BillingModeSummary,omitempty"`
	LocalSecondaryIndexes     []IndexDescription    `json:"LocalSecondaryIndexes,omitempty"`
	GlobalSecondaryIndexes    []IndexDescription    `json:"GlobalSecondaryIndexes,omitempty"`
	StreamSpecification       *StreamSpecification  `json:"StreamSpecification,omitempty"`
	LatestStreamLabel         string                `json:"LatestStreamLabel,omitempty"`
	LatestStreamArn           string                `json:"LatestStreamArn,omitempty"`
	DeletionProtectionEnabled bool                  `json:"DeletionProtectionEnabled"`
}

// ThroughputDescription reports provisioned throughput.
type ThroughputDescription struct {
	NumberOfDecreasesToday int64 `json:"NumberOfDecreasesToday"`
	ReadCapacityUnits      int64 `json:"ReadCapacityUnits"`
	WriteCapacityUnits     int64 `json:"WriteCapacityUnits"`
}

// BillingModeSummary reports the billing mode.
type BillingModeSummary struct {
	BillingMode                       string  `json:"BillingMode"`
	LastUpdateToPayPerRequestDateTime float64 `json:"LastUpdateToPayPerRequestDateTime,omitempty"`
}

// IndexDescription describes a GSI or LSI.
type IndexDescription struct {
	IndexName             string                 `json:"IndexName"`
	KeySchema             []KeySchemaElement     `json:"KeySchema"`
	Projection            Projection             `json:"Projection"`
	IndexStatus           string                 `json:"IndexStatus,omitempty"`
	ProvisionedThroughput *ThroughputDescription `json:"ProvisionedThroughput,omitempty"`
	IndexSizeBytes        int64                  `json:"IndexSizeBytes"`
	ItemCount             int64                  `json:"ItemCount"`
	IndexArn              string                 `json:"IndexArn"`
}

// TableOutput wraps a TableDescription (CreateTable, UpdateTable, DeleteTable).
type TableOutput struct {
	TableDescription *TableDescription `json:"TableDescription"`
}

// DescribeTableOutput is DescribeTable's response.
type DescribeTableOutput struct {
	Table *TableDescription `json:"Table"`
}

func epoch(t time.Time) float64 { return float64(t.UnixMilli()) / 1000 }

var tableNameRE = regexp.MustCompile(`^[a-zA-Z0-9_.-]+$`)

func checkTableName(name, field string) *Error {
	switch {
	case name == "":
		return validationf("1 validation error detected: Value null at '%s' failed to satisfy constraint: Member must not be null", field)
	case len(name) < 3:
		return validationf("1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must have length greater than or equal to 3", name, field)
	case len(name) > 255:
		return validationf("1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must have length less than or equal to 255", name, field)
	case !tableNameRE.MatchString(name):
		return validationf("1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+", name, field)
	}
	return nil
}

// parseSchema checks a KeySchema against the attribute definitions.
func parseSchema(ks []KeySchemaElement, defs map[string]Kind, used map[string]bool) (keySchema, *Error) {
	var s keySchema
	if len(ks) == 0 || len(ks) > 2 {
		return s, validationf("1 validation error detected: Value at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2 and greater than or equal to 1")
	}
	if ks[0].KeyType != "HASH" {
		return s, invalidParam("Invalid KeySchema: The first KeySchemaElement is not a HASH key type")
	}
	if len(ks) == 2 {
		if ks[1].KeyType != "RANGE" {
			return s, invalidParam("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type")
		}
		if ks[0].AttributeName == ks[1].AttributeName {
			return s, invalidParam("Both the Hash Key and the Range Key element in the KeySchema have the same name")
		}
	}
	var missing []string
	for _, e := range ks {
		if _, ok := defs[e.AttributeName]; !ok {
			missing = append(missing, e.AttributeName)
		}
		used[e.AttributeName] = true
	}
	if len(missing) > 0 {
		names := make([]string, 0, len(defs))
		for n := range defs {
			names = append(names, n)
		}
		sort.Strings(names)
		return s, invalidParam("Some index key attributes are not defined in AttributeDefinitions. Keys: [%s], AttributeDefinitions: [%s]", strings.Join(missing, ", "), strings.Join(names, ", "))
	}
	s.hash = keyAttr{ks[0].AttributeName, defs[ks[0].AttributeName]}
	if len(ks) == 2 {
		s.rng = keyAttr{ks[1].AttributeName, defs[ks[1].AttributeName]}
		s.hasRng = true
	}
	return s, nil
}

func checkProjection(p Projection, name string) *Error {
	switch p.ProjectionType {
	case "ALL", "KEYS_ONLY":
		if len(p.NonKeyAttributes) > 0 {
			return invalidParam("ProjectionType is %s, but NonKeyAttributes is specified", p.ProjectionType)
		}
	case "INCLUDE":
		if len(p.NonKeyAttributes) == 0 {
			return invalidParam("NonKeyAttributes must be specified when ProjectionType is INCLUDE for index: %s", name)
		}
	case "":
		return invalidParam("Unknown ProjectionType: null")
	default:
		return invalidParam("Unknown ProjectionType: %s", p.ProjectionType)
	}
	return nil
}

func checkStreamSpec(sp *StreamSpecification) *Error {
	if sp == nil {
		return nil
	}
	if sp.StreamEnabled {
		switch sp.StreamViewType {
		case "KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES":
		case "":
			return invalidParam("You must specify a StreamViewType when enabling a stream")
		default:
			return validationf("1 validation error detected: Value '%s' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]", sp.StreamViewType)
		}
	}
	return nil
}

func (s *Service) createTable(_ context.Context, in *CreateTableInput) (*TableOutput, *Error) {
	if err := checkTableName(in.TableName, "tableName"); err != nil {
		return nil, err
	}
	if len(in.AttributeDefinitions) == 0 {
		return nil, validationf("1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null")
	}
	defs := map[string]Kind{}
	for _, d := range in.AttributeDefinitions {
		var k Kind
		switch d.AttributeType {
		case "S":
			k = KindS
		case "N":
			k = KindN
		case "B":
			k = KindB
		default:
			return nil, validationf("1 validation error detected: Value '%s' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]", d.AttributeType)
		}
		if _, dup := defs[d.AttributeName]; dup {
			return nil, invalidParam("Cannot have two attributes with the same name")
		}
		defs[d.AttributeName] = k
	}
	used := map[string]bool{}
	schema, err := parseSchema(in.KeySchema, defs, used)
	if err != nil {
		return nil, err
	}
	billing := in.BillingMode
	if billing == "" {
		billing = "PROVISIONED"
	}
	var tp ProvisionedThroughput
	switch billing {
	case "PROVISIONED":
		if in.ProvisionedThroughput == nil {
			return nil, invalidParam("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
		}
		tp = *in.ProvisionedThroughput
		if tp.ReadCapacityUnits < 1 || tp.WriteCapacityUnits < 1 {
			return nil, validationf("1 validation error detected: Value '%d' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1", tp.ReadCapacityUnits)
		}
	case "PAY_PER_REQUEST":
		if in.ProvisionedThroughput != nil {
			return nil, invalidParam("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")
		}
	default:
		return nil, validationf("1 validation error detected: Value '%s' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]", billing)
	}
	if err := checkStreamSpec(in.StreamSpecification); err != nil {
		return nil, err
	}
	now := s.now()
	t := &table{
		name:        in.TableName,
		schema:      schema,
		attrDefs:    in.AttributeDefinitions,
		billing:     billing,
		throughput:  tp,
		created:     now,
		items:       map[string]*entry{},
		tree:        newTree(),
		tags:        map[string]string{},
		deletionPro: in.DeletionProtectionEnabled,
	}
	names := map[string]bool{}
	for _, def := range in.LocalSecondaryIndexes {
		ix, err := s.newIndex(def, defs, used, true, billing)
		if err != nil {
			return nil, err
		}
		if !schema.hasRng {
			return nil, invalidParam("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex")
		}
		if ix.schema.hash != schema.hash {
			return nil, invalidParam("Index KeySchema does not have the same leading hash key as table KeySchema for index: %s. index hash key: %s, table hash key: %s", ix.name, ix.schema.hash.name, schema.hash.name)
		}
		if !ix.schema.hasRng {
			return nil, invalidParam("Index KeySchema does not have a range key for index: %s", ix.name)
		}
		if names[ix.name] {
			return nil, invalidParam("Duplicate index name: %s", ix.name)
		}
		names[ix.name] = true
		ix.created = now
		t.lsis = append(t.lsis, ix)
	}
	if len(t.lsis) > 5 {
		return nil, invalidParam("Number of LocalSecondaryIndexes exceeds per-table limit of 5")
	}
	for _, def := range in.GlobalSecondaryIndexes {
		ix, err := s.newIndex(def, defs, used, false, billing)
		if err != nil {
			return nil, err
		}
		if names[ix.name] {
			return nil, invalidParam("Duplicate index name: %s", ix.name)
		}
		names[ix.name] = true
		ix.created = now
		t.gsis = append(t.gsis, ix)
	}
	if len(t.gsis) > 20 {
		return nil, validationf("GlobalSecondaryIndex count exceeds the per-table limit of 20")
	}
	if len(used) != len(defs) {
		return nil, invalidParam("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")
	}
	for _, tg := range in.Tags {
		t.tags[tg.Key] = tg.Value
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if _, exists := s.tables[in.TableName]; exists {
		return nil, resourceInUse("Table already exists: " + in.TableName)
	}
	t.arn = fmt.Sprintf("arn:aws:dynamodb:%s:%s:table/%s", s.region, s.account, t.name)
	t.id = tableID(t.arn, now)
	if sp := in.StreamSpecification; sp != nil && sp.StreamEnabled {
		t.streamSpec = sp
		t.stream = s.newStream(t, sp.StreamViewType)
	}
	s.tables[t.name] = t
	// DynamoDB answers CreateTable with CREATING (and UpdateTable with
	// UPDATING); the simulated table is usable at once, and DescribeTable,
	// which SDK waiters poll, already says ACTIVE.
	return &TableOutput{TableDescription: s.describe(t, "CREATING")}, nil
}

func tableID(arn string, now time.Time) string {
	h := pkHash(arn + now.String())
	g := pkHash(fmt.Sprint(h))
	return fmt.Sprintf("%08x-%04x-4%03x-a%03x-%012x", uint32(h), uint16(h>>32), uint16(h>>48)&0xfff, uint16(g)&0xfff, g>>16)
}

func (s *Service) newIndex(def SecondaryIndex, defs map[string]Kind, used map[string]bool, local bool, billing string) (*index, *Error) {
	if len(def.IndexName) < 3 || len(def.IndexName) > 255 || !tableNameRE.MatchString(def.IndexName) {
		return nil, validationf("1 validation error detected: Value '%s' at 'indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255", def.IndexName)
	}
	schema, err := parseSchema(def.KeySchema, defs, used)
	if err != nil {
		return nil, err
	}
	if err := checkProjection(def.Projection, def.IndexName); err != nil {
		return nil, err
	}
	ix := &index{name: def.IndexName, local: local, schema: schema, projection: def.Projection, tree: newTree()}
	if !local {
		switch {
		case billing == "PROVISIONED" && def.ProvisionedThroughput == nil:
			return nil, invalidParam("ProvisionedThroughput must be specified for index: %s", def.IndexName)
		case billing == "PAY_PER_REQUEST" && def.ProvisionedThroughput != nil:
			return nil, invalidParam("ProvisionedThroughput should not be specified for index: %s when BillingMode is PAY_PER_REQUEST", def.IndexName)
		}
		ix.throughput = def.ProvisionedThroughput
	}
	return ix, nil
}

// describe builds the TableDescription. Caller holds mu.
func (s *Service) describe(t *table, status string) *TableDescription {
	d := &TableDescription{
		AttributeDefinitions:      t.attrDefs,
		TableName:                 t.name,
		KeySchema:                 t.schema.elements(),
		TableStatus:               status,
		CreationDateTime:          epoch(t.created),
		ProvisionedThroughput:     ThroughputDescription{ReadCapacityUnits: t.throughput.ReadCapacityUnits, WriteCapacityUnits: t.throughput.WriteCapacityUnits},
		TableSizeBytes:            t.sizeBytes,
		ItemCount:                 int64(len(t.items)),
		TableArn:                  t.arn,
		TableId:                   t.id,
		DeletionProtectionEnabled: t.deletionPro,
	}
	if t.billing == "PAY_PER_REQUEST" {
		d.BillingModeSummary = &BillingModeSummary{BillingMode: "PAY_PER_REQUEST", LastUpdateToPayPerRequestDateTime: epoch(t.created)}
	}
	for _, ix := range t.allIndexes() {
		var size int64
		ix.tree.ascend(func(e *entry) bool { size += int64(ItemSize(t.projectIndex(ix, e.item))); return true })
		id := IndexDescription{
			IndexName:      ix.name,
			KeySchema:      ix.schema.elements(),
			Projection:     ix.projection,
			IndexSizeBytes: size,
			ItemCount:      int64(ix.tree.Len()),
			IndexArn:       ix.arn(t),
		}
		if ix.local {
			d.LocalSecondaryIndexes = append(d.LocalSecondaryIndexes, id)
			continue
		}
		id.IndexStatus = "ACTIVE"
		id.ProvisionedThroughput = &ThroughputDescription{}
		if ix.throughput != nil {
			id.ProvisionedThroughput.ReadCapacityUnits = ix.throughput.ReadCapacityUnits
			id.ProvisionedThroughput.WriteCapacityUnits = ix.throughput.WriteCapacityUnits
		}
		d.GlobalSecondaryIndexes = append(d.GlobalSecondaryIndexes, id)
	}
	if t.streamSpec != nil {
		d.StreamSpecification = t.streamSpec
	}
	if t.stream != nil {
		d.LatestStreamLabel = t.stream.label
		d.LatestStreamArn = t.stream.arn
	}
	return d
}

// DescribeTableInput is DescribeTable's request (also DeleteTable's).
type DescribeTableInput struct {
	TableName string `json:"TableName"`
}

func tableNameFromARN(name string) string {
	if strings.HasPrefix(name, "arn:") {
		if i := strings.Index(name, ":table/"); i >= 0 {
			return name[i+len(":table/"):]
		}
	}
	return name
}

func (s *Service) describeTable(_ context.Context, in *DescribeTableInput) (*DescribeTableOutput, *Error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	name := tableNameFromARN(in.TableName)
	if err := checkTableName(name, "tableName"); err != nil {
		return nil, err
	}
	t := s.tables[name]
	if t == nil {
		return nil, notFound("Requested resource not found: Table: " + name + " not found")
	}
	return &DescribeTableOutput{Table: s.describe(t, "ACTIVE")}, nil
}

func (s *Service) deleteTable(_ context.Context, in *DescribeTableInput) (*TableOutput, *Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	name := tableNameFromARN(in.TableName)
	if err := checkTableName(name, "tableName"); err != nil {
		return nil, err
	}
	t := s.tables[name]
	if t == nil {
		return nil, notFound("Requested resource not found: Table: " + name + " not found")
	}
	if t.deletionPro {
		return nil, validationf("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.")
	}
	d := s.describe(t, "DELETING")
	delete(s.tables, name)
	if t.stream != nil {
		t.stream.disable(s.now())
		s.orphanStreams = append(s.orphanStreams, t.stream)
	}
	return &TableOutput{TableDescription: d}, nil
}

// ListTablesInput is ListTables's request.
type ListTablesInput struct {
	ExclusiveStartTableName string `json:"ExclusiveStartTableName,omitempty"`
	Limit                   *int   `json:"Limit,omitempty"`
}

// ListTablesOutput is ListTables's response.
type ListTablesOutput struct {
	TableNames             []string `json:"TableNames"`
	LastEvaluatedTableName string   `json:"LastEvaluatedTableName,omitempty"`
}

func (s *Service) listTables(_ context.Context, in *ListTablesInput) (*ListTablesOutput, *Error) {
	limit := 100
	if in.Limit != nil {
		if *in.Limit < 1 || *in.Limit > 100 {
			return nil, validationf("1 validation error detected: Value '%d' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100", *in.Limit)
		}
		limit = *in.Limit
	}
	s.mu.RLock()
	names := make([]string, 0, len(s.tables))
	for n := range s.tables {
		if n > in.ExclusiveStartTableName {
			names = append(names, n)
		}
	}
	s.mu.RUnlock()
	sort.Strings(names)
	out := &ListTablesOutput{TableNames: names}
	if len(names) > limit {
		out.TableNames = names[:limit]
		out.LastEvaluatedTableName = names[limit-1]
	}
	return out, nil
}

// UpdateTableInput is UpdateTable's request.
type UpdateTableInput struct {
	TableName                   string                 `json:"TableName"`
	AttributeDefinitions        []AttributeDefinition  `json:"AttributeDefinitions,omitempty"`
	BillingMode                 string                 `json:"BillingMode,omitempty"`
	ProvisionedThroughput       *ProvisionedThroughput `json:"ProvisionedThroughput,omitempty"`
	GlobalSecondaryIndexUpdates []GSIUpdate            `json:"GlobalSecondaryIndexUpdates,omitempty"`
	StreamSpecification         *StreamSpecification   `json:"StreamSpecification,omitempty"`
	DeletionProtectionEnabled   *bool                  `json:"DeletionProtectionEnabled,omitempty"`
}

// GSIUpdate is one entry of GlobalSecondaryIndexUpdates.
type GSIUpdate struct {
	Create *SecondaryIndex `json:"Create,omitempty"`
	Delete *struct {
		IndexName string `json:"IndexName"`
	} `json:"Delete,omitempty"`
	Update *struct {
		IndexName             string                 `json:"IndexName"`
		ProvisionedThroughput *ProvisionedThroughput `json:"ProvisionedThroughput,omitempty"`
	} `json:"Update,omitempty"`
}

func (s *Service) updateTable(_ context.Context, in *UpdateTableInput) (*TableOutput, *Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.lookup(tableNameFromARN(in.TableName))
	if err != nil {
		return nil, notFound("Requested resource not found: Table: " + in.TableName + " not found")
	}
	if err := checkStreamSpec(in.StreamSpecification); err != nil {
		return nil, err
	}
	defs := map[string]Kind{}
	for _, d := range append(append([]AttributeDefinition(nil), t.attrDefs...), in.AttributeDefinitions...) {
		defs[d.AttributeName] = map[string]Kind{"S": KindS, "N": KindN, "B": KindB}[d.AttributeType]
	}
	billing := t.billing
	if in.BillingMode != "" {
		billing = in.BillingMode
	}
	// Validate everything before changing anything.
	var creates []*index
	deletes := map[string]bool{}
	for _, u := range in.GlobalSecondaryIndexUpdates {
		switch {
		case u.Create != nil:
			if t.findIndex(u.Create.IndexName) != nil {
				return nil, invalidParam("Index already exists: %s", u.Create.IndexName)
			}
			ix, err := s.newIndex(*u.Create, defs, map[string]bool{}, false, billing)
			if err != nil {
				return nil, err
			}
			ix.created = s.now()
			creates = append(creates, ix)
		case u.Delete != nil:
			ix := t.findIndex(u.Delete.IndexName)
			if ix == nil || ix.local {
				return nil, notFound("Requested resource not found: Index: " + u.Delete.IndexName + " not found")
			}
			deletes[ix.name] = true
		case u.Update != nil:
			ix := t.findIndex(u.Update.IndexName)
			if ix == nil || ix.local {
				return nil, notFound("Requested resource not found: Index: " + u.Update.IndexName + " not found")
			}
		}
	}
	if sp := in.StreamSpecification; sp != nil {
		if sp.StreamEnabled && t.stream != nil && t.stream.enabled {
			return nil, validationf("Table already has an enabled stream: %s", t.stream.arn)
		}
		if !sp.StreamEnabled && (t.stream == nil || !t.stream.enabled) {
			return nil, validationf("Table already has no stream enabled")
		}
	}
	// Apply.
	if len(deletes) > 0 {
		kept := t.gsis[:0]
		for _, ix := range t.gsis {
			if !deletes[ix.name] {
				kept = append(kept, ix)
			}
		}
		t.gsis = kept
	}
	for _, ix := range creates {
		t.fill(ix)
		t.gsis = append(t.gsis, ix)
	}
	for _, u := range in.GlobalSecondaryIndexUpdates {
		if u.Update != nil && u.Update.ProvisionedThroughput != nil {
			t.findIndex(u.Update.IndexName).throughput = u.Update.ProvisionedThroughput
		}
	}
	if len(creates) > 0 {
		known := map[string]bool{}
		for _, d := range t.attrDefs {
			known[d.AttributeName] = true
		}
		for _, d := range in.AttributeDefinitions {
			if !known[d.AttributeName] {
				t.attrDefs = append(t.attrDefs, d)
			}
		}
	}
	if in.BillingMode != "" {
		t.billing = in.BillingMode
	}
	if in.ProvisionedThroughput != nil {
		t.throughput = *in.ProvisionedThroughput
	}
	if in.DeletionProtectionEnabled != nil {
		t.deletionPro = *in.DeletionProtectionEnabled
	}
	if sp := in.StreamSpecification; sp != nil {
		if sp.StreamEnabled {
			t.streamSpec = sp
			if t.stream != nil {
				s.orphanStreams = append(s.orphanStreams, t.stream)
			}
			t.stream = s.newStream(t, sp.StreamViewType)
		} else {
			t.stream.disable(s.now())
			t.streamSpec = &StreamSpecification{StreamEnabled: false}
		}
	}
	return &TableOutput{TableDescription: s.describe(t, "UPDATING")}, nil
}

// TTL

// TimeToLiveSpecification turns TTL on or off for an attribute.
type TimeToLiveSpecification struct {
	AttributeName string `json:"AttributeName"`
	Enabled       bool   `json:"Enabled"`
}

// UpdateTimeToLiveInput is UpdateTimeToLive's request.
type UpdateTimeToLiveInput struct {
	TableName               string                  `json:"TableName"`
	TimeToLiveSpecification TimeToLiveSpecification `json:"TimeToLiveSpecification"`
}

// UpdateTimeToLiveOutput is UpdateTimeToLive's response.
type UpdateTimeToLiveOutput struct {
	TimeToLiveSpecification TimeToLiveSpecification `json:"TimeToLiveSpecification"`
}

// DescribeTimeToLiveOutput is DescribeTimeToLive's response.
type DescribeTimeToLiveOutput struct {
	TimeToLiveDescription struct {
		TimeToLiveStatus string `json:"TimeToLiveStatus"`
		AttributeName    string `json:"AttributeName,omitempty"`
	} `json:"TimeToLiveDescription"`
}

func (s *Service) updateTimeToLive(_ context.Context, in *UpdateTimeToLiveInput) (*UpdateTimeToLiveOutput, *Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.lookup(tableNameFromARN(in.TableName))
	if err != nil {
		return nil, err
	}
	sp := in.TimeToLiveSpecification
	if sp.AttributeName == "" {
		return nil, validationf("1 validation error detected: Value null at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null")
	}
	if sp.Enabled && t.ttlEnabled {
		return nil, validationf("TimeToLive is already enabled")
	}
	if !sp.Enabled && !t.ttlEnabled {
		return nil, validationf("TimeToLive is already disabled")
	}
	t.ttlEnabled, t.ttlAttr = sp.Enabled, sp.AttributeName
	return &UpdateTimeToLiveOutput{TimeToLiveSpecification: sp}, nil
}

func (s *Service) describeTimeToLive(_ context.Context, in *DescribeTableInput) (*DescribeTimeToLiveOutput, *Error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, err := s.lookup(tableNameFromARN(in.TableName))
	if err != nil {
		return nil, err
	}
	out := &DescribeTimeToLiveOutput{}
	out.TimeToLiveDescription.TimeToLiveStatus = "DISABLED"
	if t.ttlEnabled {
		out.TimeToLiveDescription.TimeToLiveStatus = "ENABLED"
		out.TimeToLiveDescription.AttributeName = t.ttlAttr
	}
	return out, nil
}

// Tags

// TagResourceInput is TagResource's request.
type TagResourceInput struct {
	ResourceArn string   `json:"ResourceArn"`
	Tags        []Tag    `json:"Tags,omitempty"`
	TagKeys     []string `json:"TagKeys,omitempty"`
	NextToken   string   `json:"NextToken,omitempty"`
}

// ListTagsOutput is ListTagsOfResource's response.
type ListTagsOutput struct {
	Tags []Tag `json:"Tags"`
}

// Empty is the response of operations that return nothing.
type Empty struct{}

func (s *Service) tableByARN(arn string) (*table, *Error) {
	for _, t := range s.tables {
		if t.arn == arn {
			return t, nil
		}
	}
	if arn == "" || !strings.HasPrefix(arn, "arn:") {
		return nil, validationf("Invalid TableArn: Invalid ResourceArn provided as input %s", arn)
	}
	return nil, notFound("Requested resource not found: ResourcArn: " + arn + " not found")
}

func (s *Service) tagResource(_ context.Context, in *TagResourceInput) (*Empty, *Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.tableByARN(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	for _, tg := range in.Tags {
		t.tags[tg.Key] = tg.Value
	}
	return &Empty{}, nil
}

func (s *Service) untagResource(_ context.Context, in *TagResourceInput) (*Empty, *Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.tableByARN(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	for _, k := range in.TagKeys {
		delete(t.tags, k)
	}
	return &Empty{}, nil
}

func (s *Service) listTagsOfResource(_ context.Context, in *TagResourceInput) (*ListTagsOutput, *Error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, err := s.tableByARN(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	out := &ListTagsOutput{Tags: []Tag{}}
	for k, v := range t.tags {
		out.Tags = append(out.Tags, Tag{k, v})
	}
	sort.Slice(out.Tags, func(i, j int) bool { return out.Tags[i].Key < out.Tags[j].Key })
	return out, nil
}

// DescribeEndpointsOutput is DescribeEndpoints's response.
type DescribeEndpointsOutput struct {
	Endpoints []struct {
		Address              string `json:"Address"`
		CachePeriodInMinutes int    `json:"CachePeriodInMinutes"`
	} `json:"Endpoints"`
}

func (s *Service) describeEndpoints(context.Context, *Empty) (*DescribeEndpointsOutput, *Error) {
	out := &DescribeEndpointsOutput{}
	out.Endpoints = append(out.Endpoints, struct {
		Address              string `json:"Address"`
		CachePeriodInMinutes int    `json:"CachePeriodInMinutes"`
	}{"dynamodb." + s.region + ".amazonaws.com", 1440})
	return out, nil
}

// DescribeLimitsOutput is DescribeLimits's response.
type DescribeLimitsOutput struct {
	AccountMaxReadCapacityUnits  int `json:"AccountMaxReadCapacityUnits"`
	AccountMaxWriteCapacityUnits int `json:"AccountMaxWriteCapacityUnits"`
	TableMaxReadCapacityUnits    int `json:"TableMaxReadCapacityUnits"`
	TableMaxWriteCapacityUnits   int `json:"TableMaxWriteCapacityUnits"`
}

func (s *Service) describeLimits(context.Context, *Empty) (*DescribeLimitsOutput, *Error) {
	return &DescribeLimitsOutput{80000, 80000, 40000, 40000}, nil
}
