package types

// AttachmentContentDisposition is an enumeration of the SESv2 API.
type AttachmentContentDisposition string

// Values of AttachmentContentDisposition.
const (
	AttachmentContentDispositionAttachment AttachmentContentDisposition = "ATTACHMENT"
	AttachmentContentDispositionInline     AttachmentContentDisposition = "INLINE"
)

// Values returns every known value of AttachmentContentDisposition.
func (AttachmentContentDisposition) Values() []AttachmentContentDisposition {
	return []AttachmentContentDisposition{"ATTACHMENT", "INLINE"}
}

// AttachmentContentTransferEncoding is an enumeration of the SESv2 API.
type AttachmentContentTransferEncoding string

// Values of AttachmentContentTransferEncoding.
const (
	AttachmentContentTransferEncodingBase64          AttachmentContentTransferEncoding = "BASE64"
	AttachmentContentTransferEncodingQuotedPrintable AttachmentContentTransferEncoding = "QUOTED_PRINTABLE"
	AttachmentContentTransferEncodingSevenBit        AttachmentContentTransferEncoding = "SEVEN_BIT"
)

// Values returns every known value of AttachmentContentTransferEncoding.
func (AttachmentContentTransferEncoding) Values() []AttachmentContentTransferEncoding {
	return []AttachmentContentTransferEncoding{"BASE64", "QUOTED_PRINTABLE", "SEVEN_BIT"}
}

// FeatureStatus is an enumeration of the SESv2 API.
type FeatureStatus string

// Values of FeatureStatus.
const (
	FeatureStatusEnabled  FeatureStatus = "ENABLED"
	FeatureStatusDisabled FeatureStatus = "DISABLED"
)

// Values returns every known value of FeatureStatus.
func (FeatureStatus) Values() []FeatureStatus {
	return []FeatureStatus{"ENABLED", "DISABLED"}
}
