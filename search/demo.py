"""Demo loader, run last: search documents for everything the other loaders published."""

from .indexing import rebuild


def load(loader):
    loader.progress("Documents de recherche")

    def progress(label, done, total):
        if loader.stdout is not None:
            loader.stdout.write(f"  {label} {done}/{total}", ending="\n" if done == total else "\r")

    total = rebuild(progress=progress)
    loader.progress(f"  {total} documents de recherche")
