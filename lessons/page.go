package lessons

import (
	"bytes"
	"fmt"
	"html/template"
)

// RenderPage renders a stand-alone Markdown document (such as the guest SDK
// reference) with the course's Markdown settings: GFM, highlighted code,
// raw HTML dropped. Lesson-only features (lesson links, images, admonitions)
// are not resolved.
func RenderPage(src []byte) (template.HTML, error) {
	var buf bytes.Buffer
	if err := newMarkdown().Convert(src, &buf); err != nil {
		return "", fmt.Errorf("render page: %w", err)
	}
	return template.HTML(buf.String()), nil
}
