"""graphkit: build typed knowledge graphs (who did what to whom) from news articles."""
__version__ = "0.1.0"
