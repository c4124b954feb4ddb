#!/usr/bin/env python3
"""Generate a learnsls guest service client package from the real SDK's
exported shapes (names, fields, enum values, required members, faults).
Usage: gen.py config.json"""
import json, os, re, subprocess, sys, glob

cfg = json.load(open(sys.argv[1]))
real = cfg['real']
out = cfg['out']
pkg = cfg['pkg']
ops = [o[0] for o in cfg['ops']]
opdoc = {o[0]: o[1] for o in cfg['ops']}
tdocs = cfg.get('typedocs', {})
drop_fields = set(cfg.get('drop_fields', []))

dump = subprocess.run(['go', 'run', '.', real, ','.join(ops)], cwd=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'dump'), capture_output=True, text=True, check=True).stdout
lines = dump.split('\n')
structs, enums, ifaces = {}, {}, {}
order = []
i = 0
while i < len(lines):
    l = lines[i]
    m = re.match(r'type (types\.)?(\w+) struct \{', l)
    if m:
        n = m.group(2); i += 1; fields = []
        while lines[i] != '}':
            t = lines[i].strip()
            if t and t != 'noSmithyDocumentSerde' and not t.startswith('ResultMetadata'):
                f, ty = t.split('\t'); fields.append((f, ty))
            i += 1
        structs[('types.' if m.group(1) else '') + n] = fields
        order.append(('types.' if m.group(1) else '') + n)
        i += 1; continue
    m = re.match(r'type types\.(\w+) string$', l)
    if m:
        n = m.group(1); i += 1; vals = []
        while i < len(lines) and lines[i].startswith('\t'):
            k, v = lines[i].strip().split(' = '); vals.append((k, v)); i += 1
        enums[n] = vals; continue
    m = re.match(r'type types\.(\w+) interface', l)
    if m:
        ifaces[m.group(1)] = True
    i += 1

# required members always written by the real serializer
always = {}
for f in glob.glob(real + '/*.go') + glob.glob(real + '/types/*.go'):
    src = open(f).read()
    for m in re.finditer(r'func \(v \*(\w+)\) SerializeMembers\(s smithy\.ShapeSerializer\) \{\n(.*?)\n\}', src, re.S):
        for fm in re.finditer(r'^\ts\.Write\w+\(schemas\.\w+, \*?v\.(\w+)\)', m.group(2), re.M):
            always.setdefault(m.group(1), set()).add(fm.group(1))

# wire names that differ from Go field names: schemas var -> member name,
# then serializer lines map Go fields to schema vars.
members = {}
for f in glob.glob(real + '/schemas/*.go'):
    for m in re.finditer(r'(\w+) = \w+\.AddMember\("([^"]+)"', open(f).read()):
        members[m.group(1)] = m.group(2)
rename = {}
for f in glob.glob(real + '/*.go') + glob.glob(real + '/types/*.go'):
    src = open(f).read()
    for m in re.finditer(r'func \(v \*(\w+)\) SerializeMembers\(s smithy\.ShapeSerializer\) \{\n(.*?)\n\}', src, re.S):
        for fm in re.finditer(r'schemas\.(\w+), \*?v\.(\w+)\b', m.group(2)):
            name = members.get(fm.group(1))
            if name and name != fm.group(2):
                rename.setdefault(m.group(1), {})[fm.group(2)] = name

# required members of every validated shape, keyed by Go type name
vsrc = open(real + '/validators.go').read()
required_all = {}
for m in re.finditer(r'\nfunc validate\w*\(v \*(?:types\.)?(\w+)\) error \{\n(.*?)\n\}', vsrc, re.S):
    # checks in the SDK's order: "Name" required, "+Name" checked inside
    fields = [('+' + b if b else a) for a, b in re.findall(r'NewErrParamRequired\("(\w+)"\)|AddNested\("(\w+)"', m.group(2))]
    if fields:
        required_all[m.group(1)] = fields
required = {op: [f for f in required_all.get(op + 'Input', []) if not f.startswith('+')] for op in ops}

# errors
esrc = open(real + '/types/errors.go').read()
errs = []
for m in re.finditer(r'\ntype (\w+) struct \{\n(.*?)\n\}', esrc, re.S):
    n = m.group(1)
    body = [l.strip() for l in m.group(2).split('\n') if l.strip() and not l.strip().startswith('//')]
    extra = [b for b in body if not b.startswith('Message ') and not b.startswith('ErrorCodeOverride ') and b != 'noSmithyDocumentSerde']
    fm = re.search(r'func \(e \*%s\) ErrorFault\(\) smithy\.ErrorFault \{\s*return smithy\.(\w+)' % n, esrc)
    cm = re.search(r'func \(e \*%s\) ErrorCode\(\) string \{.*?return "(\w+)"' % n, esrc, re.S)
    errs.append((n, extra, fm.group(1) if fm else 'FaultClient', cm.group(1) if cm else n))

def gotype(ty, intypes):
    return ty.replace('types.', '') if intypes else ty

def field_lines(name, fields, intypes):
    res = []
    alw = always.get(name.replace('types.', ''), set())
    ren = rename.get(name.replace('types.', ''), {})
    for f, ty in fields:
        if f in drop_fields: continue
        opt = ',always' if f in alw and not ty.startswith('*') and not ty.startswith('[]') and not ty.startswith('map') else ''
        wname = ren.get(f, '')
        tag = ' `wire:"%s%s"`' % (wname, opt) if (opt or wname) else ''
        res.append('\t%s %s%s' % (f, gotype(ty, intypes), tag))
    return res

os.makedirs(out + '/types', exist_ok=True)
svc = cfg['service_id']
# types.go
T = ['// Package types holds the data types and errors of the %s guest client,' % svc, '// with the AWS SDK\'s names and fields.', 'package types', '']
needs_time = any('time.Time' in ty for n in order if n.startswith('types.') for _, ty in structs[n])
if needs_time:
    T += ['import "time"', '']
for n in sorted(x for x in order if x.startswith('types.')):
    short = n[6:]
    if short in ifaces: continue
    T.append('// %s %s' % (short, tdocs.get(short, 'is the %s API shape of that name.' % svc)))
    T.append('type %s struct {' % short)
    T += field_lines(n, structs[n], True)
    T += ['}', '']
open(out + '/types/types.go', 'w').write('\n'.join(T))
# enums.go
E = ['package types', '']
for n in sorted(enums):
    vals = enums[n]
    E += ['// %s %s' % (n, tdocs.get(n, 'is an enumeration of the %s API.' % svc)), 'type %s string' % n, '', '// Values of %s.' % n, 'const (']
    E += ['\t%s %s = %s' % (k, n, v) for k, v in vals]
    E += [')', '', '// Values returns every known value of %s.' % n, 'func (%s) Values() []%s {' % (n, n), '\treturn []%s{%s}' % (n, ', '.join(v for _, v in vals)), '}', '']
open(out + '/types/enums.go', 'w').write('\n'.join(E))
# errors.go
R = ['package types', '', 'import (', '\t"fmt"', '', '\tsmithy "github.com/aws/smithy-go"', ')', '',
     '// Every error below implements smithy.APIError; find one with errors.As.',
     '// Errors without a type here arrive as *smithy.GenericAPIError.', '']
for n, extra, fault, code in errs:
    R += ['// %s is the %s error of that name.' % (n, svc), 'type %s struct {' % n, '\tMessage           *string', '\tErrorCodeOverride *string']
    R += ['\t' + e for e in extra]
    R += ['}', '', '// Error reads "<code>: <message>".', 'func (e *%s) Error() string {' % n,
          '\treturn fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())', '}', '',
          '// ErrorMessage returns the service\'s message.', 'func (e *%s) ErrorMessage() string {' % n,
          '\tif e.Message == nil {', '\t\treturn ""', '\t}', '\treturn *e.Message', '}', '',
          '// ErrorCode returns "%s" unless the service sent another code.' % code, 'func (e *%s) ErrorCode() string {' % n,
          '\tif e == nil || e.ErrorCodeOverride == nil {', '\t\treturn "%s"' % code, '\t}', '\treturn *e.ErrorCodeOverride', '}', '',
          '// ErrorFault says who is at fault.', 'func (e *%s) ErrorFault() smithy.ErrorFault { return smithy.%s }' % (n, fault), '']
open(out + '/types/errors.go', 'w').write('\n'.join(R))
# api_ops.go
A = ['package %s' % pkg, '', 'import (', '\t"context"']
usesTypes = any('types.' in ty for op in ops for k in ('Input', 'Output') for _, ty in structs[op + k])
usesTime = any('time.' in ty for op in ops for k in ('Input', 'Output') for _, ty in structs[op + k])
if usesTime: A.append('\t"time"')
if usesTypes: A += ['', '\t"github.com/aws/aws-sdk-go-v2/service/%s/types"' % pkg]
A += [')', '']
for op in ops:
    for k in ('Input', 'Output'):
        n = op + k
        A += ['// %s is the %s of %s.' % (n, 'input' if k == 'Input' else 'result', op), 'type %s struct {' % n]
        A += field_lines(n, structs[n], False)
        A += ['}', '']
    A += ['// %s %s' % (op, opdoc[op]),
          'func (c *Client) %s(ctx context.Context, params *%sInput, optFns ...func(*Options)) (*%sOutput, error) {' % (op, op, op),
          '\tif params == nil {', '\t\tparams = &%sInput{}' % op, '\t}', '\tout := &%sOutput{}' % op,
          '\tif err := c.invoke(ctx, "%s", params, out, optFns); err != nil {' % op, '\t\treturn nil, err', '\t}', '\treturn out, nil', '}', '']
open(out + '/api_ops.go', 'w').write('\n'.join(A))
# errors map + required
W = ['package %s' % pkg, '', '// Code generated from the AWS API model (shape names, required members,', '// error names); DO NOT EDIT.', '',
     'import "github.com/aws/aws-sdk-go-v2/service/%s/types"' % pkg, '',
     '// required maps shape names to the members the SDK checks before sending,', '// in its order: "Name" must be set, "+Name" is checked inside (see awscall.Validate).',
     'var required = map[string][]string{']
reach = set(x.replace('types.', '') for x in order)
for n in sorted(required_all):
    if n in reach:
        W.append('\t"%s": {%s},' % (n, ', '.join('"%s"' % f for f in required_all[n])))
W += ['}', '', '// newModelledError returns a zero value of the error type for code, or nil.', 'func newModelledError(code string) any {', '\tswitch code {']
for n, _, _, code in errs:
    # A service may send the shape name or the (query-protocol) code.
    W += ['\tcase %s:' % ', '.join('"%s"' % c for c in ([code, n] if code != n else [n])), '\t\treturn &types.%s{}' % n]
W += ['\t}', '\treturn nil', '}', '']
open(out + '/zz_model.go', 'w').write('\n'.join(W))
print('errors:', [e[0] for e in errs])
print('always:', {k: v for k, v in always.items() if k.replace('Input','') in ops or k in [x[6:] for x in order]})
print('required:', required)
print('rename:', rename)
