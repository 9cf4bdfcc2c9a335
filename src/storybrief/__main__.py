from storybrief.cli import main

# Guarded: ingest --jobs starts worker processes that import this module again.
if __name__ == "__main__":
    main()
