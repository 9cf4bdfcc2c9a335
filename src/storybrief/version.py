"""The package's version, in a module of its own so that any module may read it without
importing the package's facade (``storybrief/__init__``, which imports the pipeline)."""

__version__ = "0.1.0"
