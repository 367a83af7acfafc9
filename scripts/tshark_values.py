"""Helpers of the scripts that write value-name tables from tshark (make-tls-names.py,
make-mysql-names.py): run tshark, read `tshark -G values` for some fields, and write each field's
names as a TypeScript constant. Standard-library Python."""
import subprocess


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def quote(s):
    return "'" + s.replace('\\', '\\\\').replace("'", "\\'") + "'"


def field_values(fields):
    """{field: [(value, name), …]} for the given fields, in tshark's order."""
    values = {k: [] for k in fields}
    for line in run('tshark', '-G', 'values').splitlines():
        p = line.split('\t')
        if len(p) == 4 and p[0] == 'V' and p[1] in fields:
            values[p[1]].append((int(p[2], 0), p[3]))
    return values


def tshark_version():
    return run('tshark', '-v').splitlines()[0]


def write_consts(f, fields, values, number='0x%x'):
    """Each field's names as `export const NAME: readonly (readonly [number, string])[]`."""
    for field, const in fields.items():
        f.write('/** %s */\nexport const %s: readonly (readonly [number, string])[] = [\n' % (field, const))
        for v, name in values[field]:
            f.write(('  [' + number + ', %s],\n') % (v, quote(name)))
        f.write('];\n\n')
