"""Building output files: every format of every SOP, in parallel, incrementally, atomically."""
