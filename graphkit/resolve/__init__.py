"""Entity resolution: mentions -> canonical entities, within an article and across a corpus."""
