"""The unpacked py3langid model in the user cache: same answers as py3langid's own loader,
written once and atomically, and no harm where the cache cannot be used."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storybrief.lang.model_cache import cache_root, load_identifier

TEXTS = [
    "The council voted on Tuesday to reopen the footbridge after two years of repairs.",
    "Der Stadtrat hat am Dienstag beschlossen, die Fußgängerbrücke wieder zu öffnen.",
    "Le conseil municipal a voté mardi la réouverture de la passerelle après des travaux.",
    "El ayuntamiento votó el martes reabrir la pasarela tras dos años de obras.",
    "市议会周二投票决定在两年的维修后重新开放这座人行桥。",
    "Hallo",
    "",
]


@pytest.fixture(scope="module")
def reference():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return [ident.classify(t) for t in TEXTS]


def _classify(ident) -> list[tuple[str, float]]:
    return [ident.classify(t) for t in TEXTS]


def test_cached_model_answers_as_py3langid_does(tmp_path, monkeypatch, reference) -> None:
    monkeypatch.setenv("STORYBRIEF_CACHE_DIR", str(tmp_path))
    first = load_identifier()  # unpacks and writes the cache
    (folder,) = [p for p in tmp_path.iterdir()]
    assert folder.name.startswith("py3langid-") and not folder.name.startswith(".")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{n}.npy" for n in ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
    )
    second = load_identifier()  # reads it
    assert _classify(first) == reference
    assert _classify(second) == reference
    assert list(tmp_path.iterdir()) == [folder]  # no temporary folder left behind


def test_broken_cache_is_made_again(tmp_path, monkeypatch, reference) -> None:
    monkeypatch.setenv("STORYBRIEF_CACHE_DIR", str(tmp_path))
    load_identifier()
    (folder,) = list(tmp_path.iterdir())
    (folder / "nextmove.npy").write_bytes(b"not an array")
    assert _classify(load_identifier()) == reference
    assert _classify(load_identifier()) == reference  # the copy made again reads whole


def test_unwritable_cache_falls_back(tmp_path, monkeypatch, reference) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("STORYBRIEF_CACHE_DIR", str(blocked / "cache"))
    assert _classify(load_identifier()) == reference
    assert blocked.read_text() == "not a folder"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_cache_falls_back(tmp_path, monkeypatch, reference) -> None:
    tmp_path.chmod(0o500)
    try:
        monkeypatch.setenv("STORYBRIEF_CACHE_DIR", str(tmp_path / "cache"))
        assert _classify(load_identifier()) == reference
    finally:
        tmp_path.chmod(0o700)


def test_cache_location(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("STORYBRIEF_CACHE_DIR", "")
    assert cache_root() is None  # switched off
    monkeypatch.delenv("STORYBRIEF_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_root() == tmp_path / "storybrief"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_root() == Path.home() / ".cache" / "storybrief"


def test_switched_off_cache_writes_nothing(tmp_path, monkeypatch, reference) -> None:
    monkeypatch.setenv("STORYBRIEF_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert _classify(load_identifier()) == reference
    assert list(tmp_path.iterdir()) == []


def test_cache_behind_a_locked_folder_falls_back(tmp_path, monkeypatch, reference) -> None:
    """A cache under a folder the user may not search (another user's home, as when a
    service runs under its own account with HOME unchanged): ``is_dir`` raises there
    rather than answering False, and the model must still load, with nothing removed."""
    monkeypatch.setenv("STORYBRIEF_CACHE_DIR", str(tmp_path))
    load_identifier()
    (folder,) = list(tmp_path.iterdir())
    real_is_dir = Path.is_dir

    def locked(self: Path) -> bool:
        if self == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", locked)
    assert _classify(load_identifier()) == reference
    monkeypatch.setattr(Path, "is_dir", real_is_dir)
    assert folder.is_dir()  # the cache itself is left alone
