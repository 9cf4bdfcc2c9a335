"""``python -m storybrief.spark`` (and ``spark-submit .../storybrief/spark/__main__.py``)."""

from storybrief.spark import main

if __name__ == "__main__":
    main()
