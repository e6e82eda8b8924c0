"""The documents named on a command line: files as given, and in each folder
its plans (.md, .txt, .html), its README left out.  Shared by
wild_figures.py and metamorph.py."""
import os

EXTENSIONS = (".md", ".txt", ".html")


def document_files(paths, extensions=EXTENSIONS):
    files = []
    for d in paths:
        if os.path.isdir(d):
            files += [os.path.join(d, f) for f in sorted(os.listdir(d))
                      if f.endswith(extensions) and f.lower() != "readme.md"]
        else:
            files.append(d)
    return files
