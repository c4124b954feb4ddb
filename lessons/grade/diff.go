package grade

import (
	"encoding/json"
	"strings"
)

// prettyJSON renders a JSON value with sorted keys and two-space indents, so
// that expected and actual values line up in a diff.
func prettyJSON(v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return compactJSON(v)
	}
	return string(b)
}

// lineDiff returns a unified-style diff of two texts: lines only in a start
// with "- ", lines only in b with "+ ", shared lines with "  ". It uses the
// longest common subsequence of lines, which is plenty for the small values
// a check compares.
func lineDiff(a, b string) string {
	if a == b {
		return ""
	}
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	const maxLines = 400
	if len(x) > maxLines || len(y) > maxLines {
		return "- " + strings.Join(x[:min(len(x), 20)], "\n- ") + "\n…\n+ " + strings.Join(y[:min(len(y), 20)], "\n+ ") + "\n…"
	}
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			out.WriteString("  " + x[i] + "\n")
			i++
			j++
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			out.WriteString("+ " + y[j] + "\n")
			j++
		default:
			out.WriteString("- " + x[i] + "\n")
			i++
		}
	}
	return strings.TrimSuffix(out.String(), "\n")
}
