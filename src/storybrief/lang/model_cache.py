"""py3langid's model, unpacked once per user instead of once per process.

The model ships LZMA-compressed (4.6 MB); unpacking it costs about 0.6 s, which was most
of a ``storybrief`` command's start-up. The unpacked arrays (68 MB) are kept as plain
``.npy`` files in the user's cache folder (``$STORYBRIEF_CACHE_DIR``, else
``$XDG_CACHE_HOME/storybrief``, else ``~/.cache/storybrief``), in a folder named by the
py3langid version and the model file's digest, so an upgrade never reads a stale copy.
The folder is written under a temporary name and renamed into place, so a reader sees a
whole copy or none. When the folder cannot be read or written (a read-only home, a full
disk), or ``STORYBRIEF_CACHE_DIR`` is set to the empty string, the model is unpacked in
memory as before: the cache changes how fast the model loads, never what it says.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

# The arrays of py3langid's model file (``modelio.load_model``), in its order.
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
# Memory-mapped when read from the cache: a text touches few of their rows.
_MAPPED = ("ptc", "nextmove")


def cache_root() -> Path | None:
    """The user's cache folder for storybrief, or None when caching is switched off."""
    given = os.environ.get("STORYBRIEF_CACHE_DIR")
    if given is not None:
        return Path(given).expanduser() if given.strip() else None
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "storybrief"


def load_identifier(*, norm_probs: bool = True) -> Any:
    """py3langid's ``LanguageIdentifier`` over its bundled model, from the unpacked copy
    in the cache when there is one (made there on first use when the folder is writable)."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import load_model

    from storybrief.lang.walk import WalkingIdentifier as LanguageIdentifier

    model_file = Path(MODEL_DIR) / MODEL_FILE
    folder = _folder(model_file)
    arrays = _read(folder) if folder is not None else None
    if arrays is None:
        arrays = _unpack(model_file)
        if arrays is None:  # a layout this module does not know: py3langid's own loader
            ptc, pc, classes, nextmove, row, output = load_model(model_file)
            return LanguageIdentifier(
                ptc, pc, classes, nextmove, output, norm_probs=norm_probs, tk_row=row
            )
        if folder is not None:
            _write(folder, arrays)
    # py3langid's ``modelio.load_model`` makes the automaton stdlib arrays for its walk in
    # Python; the identifier here walks it with NumPy (``walk``), so the arrays are used
    # as they are: no 40 MB copy, and the cached automaton is memory-mapped.
    return LanguageIdentifier(
        np.asarray(arrays["ptc"]),
        np.asarray(arrays["pc"]),
        arrays["classes"].tolist(),
        arrays["nextmove"],
        arrays["out_feat"],
        norm_probs=norm_probs,
        tk_row=arrays["nextmove_row"],
    )


def _folder(model_file: Path) -> Path | None:
    root = cache_root()
    if root is None:
        return None
    try:
        version = metadata.version("py3langid")
        digest = hashlib.sha256(model_file.read_bytes()).hexdigest()[:16]
    except (OSError, metadata.PackageNotFoundError):
        return None
    return root / f"py3langid-{version}-{digest}"


def _unpack(model_file: Path) -> dict[str, Any] | None:
    """The model file's arrays, unpacked in memory; None when one is missing."""
    import io
    import lzma

    import numpy as np

    with lzma.open(model_file) as src, np.load(io.BytesIO(src.read())) as data:
        if not set(_ARRAYS) <= set(data.files):
            return None
        return {name: data[name] for name in _ARRAYS}


def _read(folder: Path) -> dict[str, Any] | None:
    """The cached arrays, or None when there is no whole, readable copy. The score table
    and the automaton are memory-mapped (a text touches few of their rows); the rest is
    read."""
    import numpy as np

    try:
        if not folder.is_dir():  # raises, not False, where the parent cannot be searched
            return None
        return {
            name: np.load(
                folder / f"{name}.npy", mmap_mode="r" if name in _MAPPED else None,
                allow_pickle=False,
            )
            for name in _ARRAYS
        }  # fmt: skip
    except PermissionError:
        return None  # another user's cache, or a locked one: unpacked in memory instead
    except (OSError, ValueError):
        shutil.rmtree(folder, ignore_errors=True)  # broken: made again below
        return None


def _write(folder: Path, arrays: dict[str, Any]) -> None:
    """``arrays`` into ``folder``, atomically (a temporary folder renamed into place); a
    failure leaves no folder and costs nothing but the cache."""
    import numpy as np

    tmp = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
        for name in _ARRAYS:
            np.save(tmp / f"{name}.npy", arrays[name], allow_pickle=False)
        os.replace(tmp, folder)
        tmp = None
    except OSError:
        pass  # not writable, full, or another process got there first
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
