"""python3 -m libplan: the command-line tool's commands, in Python.

    python3 -m libplan compare [--format text|json|csv|html] [--agency ID] [-o FILE] FILE FILE...
    python3 -m libplan parse [--format text|json|xml] FILE...
    python3 -m libplan normalize [--style traditional|modern|keep] FILE...
"""
import argparse
import sys

import libplan


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m libplan", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("compare", help="compare provinces' plans")
    c.add_argument("--format", choices=["text", "json", "csv", "html"], default="text")
    c.add_argument("--agency")
    c.add_argument("-o", "--output")
    c.add_argument("--exclude-collective", action="store_true")
    c.add_argument("files", nargs="+")
    r = sub.add_parser("parse", help="segment plans")
    r.add_argument("--format", choices=["text", "json", "xml"], default="text")
    r.add_argument("files", nargs="+")
    n = sub.add_parser("normalize", help="normalize text")
    n.add_argument("--style", choices=["traditional", "modern", "keep"], default="traditional")
    n.add_argument("files", nargs="+")
    args = p.parse_args(argv)
    try:
        if args.command == "compare":
            if len(args.files) < 2:
                p.error("compare needs two files or more")
            cmp = libplan.compare([libplan.parse_file(f) for f in args.files],
                                  exclude_collective=args.exclude_collective)
            agencies = {a["id"] for a in cmp.agencies}
            if args.agency and args.agency not in agencies:
                print(f"libplan: no agency '{args.agency}' in these plans", file=sys.stderr)
                return 2
            out = {"text": cmp.to_text, "json": cmp.to_json, "csv": cmp.to_csv,
                   "html": cmp.to_html}[args.format](args.agency)
        elif args.command == "parse":
            out = "".join({"text": d.to_text, "json": d.to_json, "xml": d.to_xml}[args.format]()
                          for d in (libplan.parse_file(f) for f in args.files))
        else:
            out = "".join(libplan.normalize(open(f, "rb").read(), style=args.style) for f in args.files)
    except libplan.Error as e:
        print(f"libplan: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"libplan: {e}", file=sys.stderr)
        return 3
    if getattr(args, "output", None):
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(out)
    else:
        sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
