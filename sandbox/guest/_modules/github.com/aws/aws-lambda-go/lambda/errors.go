package lambda

import (
	"encoding/json"
	"fmt"
	"reflect"
	"runtime"
	"strings"
)

// errorRecord is the JSON body of a function error, as Lambda reports it.
type errorRecord struct {
	Message    string       `json:"errorMessage"`
	Type       string       `json:"errorType"`
	StackTrace []stackFrame `json:"stackTrace,omitempty"`
}

type stackFrame struct {
	Path  string `json:"path"`
	Line  int32  `json:"line"`
	Label string `json:"label"`
}

// typeName is the errorType of a value: its Go type name, without the
// pointer star ("errorString" for errors.New, "MyErr" for *MyErr).
func typeName(v any) string {
	t := reflect.TypeOf(v)
	if t == nil {
		return ""
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Name()
}

func errorResponse(err error) errorRecord {
	return errorRecord{Message: err.Error(), Type: typeName(err)}
}

// panicResponse describes a recovered panic. It is called from the deferred
// function that recovered, so the stack still holds the panicking frames.
func panicResponse(v any) errorRecord {
	pcs := make([]uintptr, 32)
	// Skip runtime.Callers, panicResponse and the deferred closure.
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var stack []stackFrame
	for {
		f, more := frames.Next()
		stack = append(stack, formatFrame(f))
		if !more {
			break
		}
	}
	return errorRecord{Message: fmt.Sprintf("%v", v), Type: typeName(v), StackTrace: stack}
}

// formatFrame shortens a frame as aws-lambda-go does: the path keeps as many
// trailing elements as the import path of the function has, plus the file,
// and the label drops the package.
func formatFrame(f runtime.Frame) stackFrame {
	path, label := f.File, f.Function
	cut := len(path)
	for i := 0; i < strings.Count(label, "/")+2; i++ {
		cut = strings.LastIndex(path[:cut], "/")
		if cut < 0 {
			break
		}
	}
	path = path[cut+1:]
	label = label[strings.LastIndex(label, "/")+1:]
	label = label[strings.Index(label, ".")+1:]
	return stackFrame{Path: path, Line: int32(f.Line), Label: label}
}

// marshalError never fails: a record that cannot be encoded is replaced by
// a serialization error record.
func marshalError(r errorRecord) []byte {
	b, err := json.Marshal(r)
	if err != nil {
		b, _ = json.Marshal(errorRecord{Message: err.Error(), Type: "Runtime.SerializationError"})
	}
	return b
}
