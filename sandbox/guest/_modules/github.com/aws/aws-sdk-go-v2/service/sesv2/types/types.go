// Package types holds the data types and errors of the SESv2 guest client,
// with the AWS SDK's names and fields.
package types

// Attachment is a file attached to a simple email.
type Attachment struct {
	FileName                *string
	RawContent              []byte
	ContentDescription      *string
	ContentDisposition      AttachmentContentDisposition
	ContentId               *string
	ContentTransferEncoding AttachmentContentTransferEncoding
	ContentType             *string
}

// Body holds a simple email's Text and/or Html parts.
type Body struct {
	Html *Content
	Text *Content
}

// ConfigurationOverrides is the SESv2 API shape of that name.
type ConfigurationOverrides struct {
	Tracking *TrackingConfigurationOverrides
}

// Content is a piece of text with an optional character set.
type Content struct {
	Data    *string
	Charset *string
}

// Destination lists the To, Cc and Bcc recipients.
type Destination struct {
	BccAddresses []string
	CcAddresses  []string
	ToAddresses  []string
}

// EmailContent is the message: set exactly one of Simple, Raw or Template.
type EmailContent struct {
	Raw      *RawMessage
	Simple   *Message
	Template *Template
}

// EmailTemplateContent is the SESv2 API shape of that name.
type EmailTemplateContent struct {
	Html    *string
	Subject *string
	Text    *string
}

// ListManagementOptions ties the email to a contact list and topic.
type ListManagementOptions struct {
	ContactListName *string
	TopicName       *string
}

// Message is a simple email: a subject and a text and/or HTML body.
type Message struct {
	Body        *Body
	Subject     *Content
	Attachments []Attachment
	Headers     []MessageHeader
}

// MessageHeader is an extra header of a simple email.
type MessageHeader struct {
	Name  *string
	Value *string
}

// MessageTag is a name/value tag for event publishing.
type MessageTag struct {
	Name  *string
	Value *string
}

// RawMessage is a complete MIME message.
type RawMessage struct {
	Data []byte
}

// Template names a template (or gives it inline) and the data to fill it.
type Template struct {
	Attachments     []Attachment
	Headers         []MessageHeader
	TemplateArn     *string
	TemplateContent *EmailTemplateContent
	TemplateData    *string
	TemplateName    *string
}

// TrackingConfigurationOverrides is the SESv2 API shape of that name.
type TrackingConfigurationOverrides struct {
	ClickTrackingEnabled FeatureStatus
	OpenTrackingEnabled  FeatureStatus
}
